// A scrubbable timeline: the forward half in the value colour, the backward
// half in the gradient colour, the seed between them. Each half's label is
// centred in it; while the thumb is in that half, in the part of it away from
// the thumb, so the thumb does not cover it.
import type { CSSProperties } from 'react';
import { phaseOf } from '../engine';
import { COMMANDS } from '../commands/registry';
import { runCommand } from '../commands/run';
import { useVisualizer, useVisualizerStore } from '../store/context';
import { COLORS } from './config';
import { useT } from './useT';

/** Room kept between the thumb and a label beside it, px (the thumb is 6 px wide). */
const THUMB_CLEARANCE_PX = 8;

/**
 * Where a half's label goes (the half runs from `from` to `to`, fractions of
 * the track): the whole half; while the thumb at `at` is inside it, the half of
 * it the thumb is not in. It moves at most twice a pass, so a step seldom
 * lays the timeline out again.
 */
export function labelStretch(from: number, to: number, at: number): CSSProperties | undefined {
  if (!(at > from && at < to)) return undefined;
  // The thumb in the first half of this half: the label takes the second, and the other way round.
  return at - from < (to - from) / 2 ? { marginLeft: `calc(50% + ${THUMB_CLEARANCE_PX}px)` } : { width: `calc(50% - ${THUMB_CLEARANCE_PX}px)` };
}

export function Timeline() {
  const trace = useVisualizer((s) => s.compiled?.trace ?? null);
  const step = useVisualizer((s) => s.step);
  const store = useVisualizerStore();
  const t = useT();
  if (!trace) return null;
  const end = Math.max(1, trace.end);
  const seedAt = (trace.seed / end) * 100;
  const at = step / end;
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
        <span className="timeline-forward">
          <span className="timeline-label" style={labelStretch(0, trace.seed / end, at)}>
            {t('timeline.forward')}
          </span>
        </span>
        <span className="timeline-backward">
          <span className="timeline-label" style={labelStretch(trace.seed / end, 1, at)}>
            {t('timeline.backward')}
          </span>
        </span>
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
