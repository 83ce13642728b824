// Build a small multilayer network from a form; it is written out as a
// program, so stepping, practice and training all work on it: one node per
// number (the scalar form), or on a data set as matrices, one line a layer.
import { useState } from 'react';
import { matrixNetworkProgram, matrixSpecProblem, networkProgram, specProblem, type Activation, type LossKind, type NetworkSpec } from '../engine';
import { DATASET_NAMES, datasetEntry, type DatasetName } from '../engine/data';
import { useVisualizer } from '../store/context';
import { useT } from './useT';

const ACTIVATIONS: Activation[] = ['identity', 'sigmoid', 'tanh', 'relu'];

/** The matrix form: a data set, hidden widths, one activation, batch and seed. "A 2-8-2 tanh network on moons" is pick moons, Build. */
function MatrixForm({ dataset, onDataset }: { dataset: DatasetName; onDataset: (d: DatasetName | '') => void }) {
  const setText = useVisualizer((s) => s.setText);
  const first = useVisualizer((s) => s.first);
  const setTab = useVisualizer((s) => s.setTab);
  const t = useT();
  const image = datasetEntry(dataset)?.kind === 'image';
  const [hidden, setHidden] = useState(image ? '32' : '8');
  const [activation, setActivation] = useState<Activation>('tanh');
  const [batch, setBatch] = useState(image ? 64 : 32);
  const [seed, setSeed] = useState(1);
  const widths = hidden
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);
  const spec = { dataset, hidden: widths, activation, batch, seed };
  const problem = matrixSpecProblem(spec);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (problem) return;
        setText(matrixNetworkProgram(spec));
        first();
        setTab('train');
      }}
    >
      <DatasetChoice value={dataset} onChange={onDataset} />
      <label>
        {t('net.hiddenMatrix')}
        <input value={hidden} onChange={(e) => setHidden(e.target.value)} data-testid="net-hidden" />
      </label>
      <label>
        {t('net.activationAll')}
        <select value={activation} onChange={(e) => setActivation(e.target.value as Activation)} data-testid="net-activation">
          {ACTIVATIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('net.miniBatch')}
        <input type="number" min={1} max={512} value={batch} onChange={(e) => setBatch(Number(e.target.value))} data-testid="net-batch" />
      </label>
      <label>
        {t('net.seed')}
        <input type="number" value={seed} onChange={(e) => setSeed(Number(e.target.value))} data-testid="net-seed" />
      </label>
      {problem && (
        <p className="muted small" role="status">
          {t('net.matrixProblem', { what: problem })}
        </p>
      )}
      <button type="submit" disabled={!!problem} data-testid="net-build">
        {t('net.buildOn', { name: t(`data.set.${dataset}`) })}
      </button>
    </form>
  );
}

/** Scalars (one node per number) or a data set (matrices). */
function DatasetChoice({ value, onChange }: { value: DatasetName | ''; onChange: (d: DatasetName | '') => void }) {
  const t = useT();
  return (
    <label>
      {t('net.dataset')}
      <select value={value} onChange={(e) => onChange(e.target.value as DatasetName | '')} data-testid="net-dataset">
        <option value="">{t('net.scalarForm')}</option>
        {DATASET_NAMES.map((name) => (
          <option key={name} value={name}>
            {t(`data.set.${name}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function NetworkBuilder() {
  const [dataset, setDataset] = useState<DatasetName | ''>('');
  const t = useT();
  return (
    <details className="network-builder">
      <summary>{t('net.title')}</summary>
      {dataset === '' ? <ScalarForm onDataset={setDataset} /> : <MatrixForm key={dataset} dataset={dataset} onDataset={setDataset} />}
    </details>
  );
}

/** The scalar form: every weight and value its own node. */
function ScalarForm({ onDataset }: { onDataset: (d: DatasetName | '') => void }) {
  const setText = useVisualizer((s) => s.setText);
  const first = useVisualizer((s) => s.first);
  const t = useT();
  const [inputs, setInputs] = useState(2);
  const [hidden, setHidden] = useState('3');
  const [activations, setActivations] = useState<Activation[]>(['tanh']);
  const [outputs, setOutputs] = useState(2);
  const [loss, setLoss] = useState<LossKind>('mse');
  const [batch, setBatch] = useState(1);
  const [seed, setSeed] = useState(1);
  const widths = hidden
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);
  const spec: NetworkSpec = {
    inputs,
    layers: [...widths.map((width, i) => ({ width, activation: activations[i] ?? activations[activations.length - 1] ?? 'tanh' })), { width: outputs, activation: 'identity' }],
    loss,
    batch,
    seed,
  };
  const problem = widths.some((w) => !Number.isInteger(w)) ? 'width' : specProblem(spec);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (problem) return;
        setText(networkProgram(spec));
        first();
      }}
    >
      <DatasetChoice value="" onChange={onDataset} />
      <label>
        {t('net.inputs')}
        <input type="number" min={1} max={6} value={inputs} onChange={(e) => setInputs(Number(e.target.value))} data-testid="net-inputs" />
      </label>
      <label>
        {t('net.hidden')}
        <input value={hidden} onChange={(e) => setHidden(e.target.value)} data-testid="net-hidden" />
      </label>
      {widths.map((_, i) => (
        <label key={i}>
          {t('net.activation', { layer: i + 1 })}
          <select
            value={activations[i] ?? activations[activations.length - 1] ?? 'tanh'}
            onChange={(e) => {
              const next = widths.map((__, k) => activations[k] ?? activations[activations.length - 1] ?? 'tanh');
              next[i] = e.target.value as Activation;
              setActivations(next);
            }}
            data-testid={`net-activation-${i + 1}`}
          >
            {ACTIVATIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label>
        {t('net.outputs')}
        <input type="number" min={1} max={6} value={outputs} onChange={(e) => setOutputs(Number(e.target.value))} data-testid="net-outputs" />
      </label>
      <label>
        {t('net.loss')}
        <select value={loss} onChange={(e) => setLoss(e.target.value as LossKind)} data-testid="net-loss">
          <option value="mse">{t('net.mse')}</option>
          <option value="softmax-ce">{t('net.softmax')}</option>
        </select>
      </label>
      <label>
        {t('net.batch')}
        <input type="number" min={1} max={4} value={batch} onChange={(e) => setBatch(Number(e.target.value))} data-testid="net-batch" />
      </label>
      <label>
        {t('net.seed')}
        <input type="number" value={seed} onChange={(e) => setSeed(Number(e.target.value))} data-testid="net-seed" />
      </label>
      {problem && (
        <p className="muted small" role="status">
          {t('net.problem', { what: problem })}
        </p>
      )}
      <button type="submit" disabled={!!problem} data-testid="net-build">
        {t('net.build')}
      </button>
    </form>
  );
}
