import { COMMANDS } from '../commands/registry';
import { phaseOf } from '../engine';
import { useVisualizer } from '../store/context';
import type { VisualizerState } from '../store/visualizer';
import { CommandButton } from './CommandButton';
import { SPEEDS_MS } from './config';
import { Icon } from './icons';
import { PracticeScore } from './PracticeCard';
import { Timeline } from './Timeline';
import { useT } from './useT';

function phaseShown(s: VisualizerState) {
  if (!s.compiled) return 'start';
  const { trace } = s.compiled;
  return s.step >= trace.end && trace.end > 0 ? 'end' : phaseOf(trace, s.step);
}

/** The step counter: it alone of the controls re-renders on every step (the buttons follow their own states). */
function StepCounter() {
  const step = useVisualizer((s) => s.step);
  const end = useVisualizer((s) => s.compiled?.trace.end ?? 0);
  const t = useT();
  return (
    <span className="step-counter" data-testid="step-counter">
      {t('controls.step', { step, end })}
    </span>
  );
}

/** First / previous / play / next / last (each a command: label, keys and tooltip in one entry), the speed and the timeline. */
export function Controls() {
  const phase = useVisualizer(phaseShown);
  const playing = useVisualizer((s) => s.playing);
  const intervalMs = useVisualizer((s) => s.intervalMs);
  const setIntervalMs = useVisualizer((s) => s.setIntervalMs);
  const t = useT();
  const speedIndex = Math.max(0, SPEEDS_MS.findIndex((ms) => ms <= intervalMs));
  return (
    <div className="controls" role="group" aria-label={t('controls.label')}>
      <div className="buttons">
        <CommandButton command={COMMANDS.first}>
          <Icon name="first" />
        </CommandButton>
        <CommandButton command={COMMANDS.prev}>
          <Icon name="prev" />
        </CommandButton>
        <CommandButton command={COMMANDS.togglePlay} className="play">
          <Icon name={playing ? 'pause' : 'play'} />
        </CommandButton>
        <CommandButton command={COMMANDS.next}>
          <Icon name="next" />
        </CommandButton>
        <CommandButton command={COMMANDS.last}>
          <Icon name="last" />
        </CommandButton>
      </div>
      <StepCounter />
      <span className="phase-label" data-phase={phase}>
        {t(`phase.${phase}`)}
      </span>
      <PracticeScore />
      <Timeline />
      <label className="speed">
        <span>{t('controls.speed')}</span>
        <input
          type="range"
          min={0}
          max={SPEEDS_MS.length - 1}
          step={1}
          value={speedIndex}
          onChange={(e) => setIntervalMs(SPEEDS_MS[Number(e.target.value)])}
          aria-valuetext={`${SPEEDS_MS[speedIndex]} ms`}
        />
      </label>
    </div>
  );
}
