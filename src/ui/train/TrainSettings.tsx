// The hyperparameters: optimizer, learning rate (changeable while running),
// momentum, batch size and the seed of the batch order. A field holds what is
// typed; only a value the run can use is passed on, anything else is explained.
import { useEffect, useState } from 'react';
import type { OptimizerKind } from '../../engine/optim';
import { OPTIMIZER_KINDS } from '../../engine/optim/registry';
import { useTraining, useTrainingStore, useVisualizer } from '../../store/context';
import type { TrainSettingsDraft } from '../../store/training';
import { useT } from '../useT';
import { trainProblem, type TrainProblem } from './problems';

/** A number field that keeps its text while it is being typed. */
function NumberField({
  label,
  value,
  onValue,
  testId,
  placeholder,
  width = 6,
}: {
  label: string;
  value: number | null;
  onValue: (text: string) => void;
  testId: string;
  placeholder?: string;
  width?: number;
}) {
  const [text, setText] = useState(value === null ? '' : String(value));
  // A value set elsewhere (a lesson, a reset) shows in the field.
  useEffect(() => {
    setText((typed) => (Number(typed) === value || (typed === '' && value === null) ? typed : value === null ? '' : String(value)));
  }, [value]);
  return (
    <label className="train-field">
      <span>{label}</span>
      <input
        value={text}
        inputMode="decimal"
        size={width}
        placeholder={placeholder}
        onChange={(e) => {
          setText(e.target.value);
          onValue(e.target.value);
        }}
        data-testid={testId}
      />
    </label>
  );
}

export function TrainSettings({ onProblem }: { onProblem: (problem: TrainProblem | null) => void }) {
  const settings = useTraining((s) => s.settings);
  const hasData = useVisualizer((s) => Boolean(s.compiled?.graph.data));
  const defaultBatch = useTraining((s) => s.info?.dataset?.batch ?? null);
  const graph = useVisualizer((s) => s.compiled?.graph ?? null);
  const training = useTrainingStore();
  const t = useT();

  /** Checks a changed field against the program; a usable value goes to the run. */
  const change = (patch: Partial<TrainSettingsDraft> | null, field: string) => {
    if (patch === null) return onProblem({ key: 'train.notNumber', params: { field } });
    const next = { ...settings, ...patch };
    const problem = graph ? trainProblem(graph, next) : null;
    onProblem(problem);
    if (!problem) training.getState().setSettings(patch);
  };
  const parse = (text: string): number | null => (text.trim() === '' || !Number.isFinite(Number(text)) ? null : Number(text));

  return (
    <div className="train-settings" role="group" aria-label={t('train.settings')}>
      <label className="train-field">
        <span>{t('train.optimizer')}</span>
        <select value={settings.optimizer} onChange={(e) => change({ optimizer: e.target.value as OptimizerKind }, t('train.optimizer'))} data-testid="train-optimizer">
          {OPTIMIZER_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`train.optimizer.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <NumberField
        label={t('train.rate')}
        value={settings.lr}
        testId="train-rate"
        onValue={(text) => {
          const lr = parse(text);
          change(lr === null ? null : { lr }, t('train.rate'));
        }}
      />
      {settings.optimizer === 'momentum' && (
        <NumberField
          label={t('train.momentum')}
          value={settings.momentum}
          width={4}
          testId="train-momentum"
          onValue={(text) => {
            const momentum = parse(text);
            change(momentum === null ? null : { momentum }, t('train.momentum'));
          }}
        />
      )}
      {hasData && (
        <NumberField
          label={t('train.batch')}
          value={settings.batch}
          width={4}
          placeholder={defaultBatch === null ? undefined : String(defaultBatch)}
          testId="train-batch"
          onValue={(text) => {
            if (text.trim() === '') return change({ batch: null }, t('train.batch'));
            const batch = parse(text);
            change(batch === null ? null : { batch }, t('train.batch'));
          }}
        />
      )}
      {hasData && (
        <NumberField
          label={t('train.seed')}
          value={settings.seed}
          width={4}
          testId="train-seed"
          onValue={(text) => {
            const seed = parse(text);
            change(seed === null || !Number.isInteger(seed) || seed < 0 ? null : { seed }, t('train.seed'));
          }}
        />
      )}
    </div>
  );
}
