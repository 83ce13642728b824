import { phaseOf } from '../engine';
import { useVisualizer } from '../store/context';
import { SPEEDS_MS } from './config';
import { Icon } from './icons';
import { PracticeScore } from './PracticeCard';
import { Timeline } from './Timeline';
import { useT } from './useT';

/** First / previous / play / next / last, the speed and the timeline. */
export function Controls() {
  const s = useVisualizer((state) => state);
  const t = useT();
  const end = s.compiled?.trace.end ?? 0;
  const phase = !s.compiled ? 'start' : s.step >= end && end > 0 ? 'end' : phaseOf(s.compiled.trace, s.step);
  const speedIndex = Math.max(0, SPEEDS_MS.findIndex((ms) => ms <= s.intervalMs));
  return (
    <div className="controls" role="group" aria-label={t('controls.label')}>
      <div className="buttons">
        <button type="button" onClick={s.first} disabled={s.step === 0} aria-label={t('controls.first')} title={`${t('controls.first')} (Home)`}>
          <Icon name="first" />
        </button>
        <button type="button" onClick={s.prev} disabled={s.step === 0} aria-label={t('controls.prev')} title={`${t('controls.prev')} (←)`}>
          <Icon name="prev" />
        </button>
        <button
          type="button"
          className="play"
          onClick={s.togglePlay}
          aria-label={s.playing ? t('controls.pause') : t('controls.play')}
          aria-pressed={s.playing}
          title={`${s.playing ? t('controls.pause') : t('controls.play')} (Space)`}
        >
          <Icon name={s.playing ? 'pause' : 'play'} />
        </button>
        <button type="button" onClick={s.next} disabled={s.step >= end} aria-label={t('controls.next')} title={`${t('controls.next')} (→)`}>
          <Icon name="next" />
        </button>
        <button type="button" onClick={s.last} disabled={s.step >= end} aria-label={t('controls.last')} title={`${t('controls.last')} (End)`}>
          <Icon name="last" />
        </button>
      </div>
      <span className="step-counter" data-testid="step-counter">
        {t('controls.step', { step: s.step, end })}
      </span>
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
          onChange={(e) => s.setIntervalMs(SPEEDS_MS[Number(e.target.value)])}
          aria-valuetext={`${SPEEDS_MS[speedIndex]} ms`}
        />
      </label>
    </div>
  );
}
