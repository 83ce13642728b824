// A scrubbable timeline: the forward half in the value colour, the backward
// half in the gradient colour, the seed between them. Each half's label is
// centred in it, clear of the thumb while it is near the seed.
import type { CSSProperties } from 'react';
import { phaseOf } from '../engine';
import { COMMANDS } from '../commands/registry';
import { runCommand } from '../commands/run';
import { useVisualizer, useVisualizerStore } from '../store/context';
import { COLORS } from './config';
import { useT } from './useT';

export function Timeline() {
  const trace = useVisualizer((s) => s.compiled?.trace ?? null);
  const step = useVisualizer((s) => s.step);
  const store = useVisualizerStore();
  const t = useT();
  if (!trace) return null;
  const end = Math.max(1, trace.end);
  const seedAt = (trace.seed / end) * 100;
  const style = {
    '--seed': `${seedAt}%`,
    '--forward': COLORS.value,
    '--backward': COLORS.grad,
  } as CSSProperties;
  const phase = phaseOf(trace, step);
  const phaseText = step === trace.end && trace.end > 0 ? t('phase.end') : t(`phase.${phase}`);
  return (
    <div className="timeline" style={style}>
      <div className="timeline-track" aria-hidden="true">
        <span className="timeline-forward">{t('timeline.forward')}</span>
        <span className="timeline-backward">{t('timeline.backward')}</span>
      </div>
      <input
        type="range"
        className="timeline-input"
        min={0}
        max={trace.end}
        step={1}
        value={step}
        aria-label={t('timeline.label')}
        aria-valuetext={`${t('controls.step', { step, end: trace.end })} · ${phaseText}`}
        onChange={(e) => runCommand(store, COMMANDS.goToStep, Number(e.target.value))}
      />
    </div>
  );
}
