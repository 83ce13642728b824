// Gradient descent on the program's inputs: θ ← θ − α·∂L/∂θ, one step, N
// steps or running, with every update written out and the loss charted.
import { useEffect, useMemo, useRef, useState } from 'react';
import { descentStep, divergence, lossAt, setInputValues, type Compiled, type Update } from '../engine';
import { formatNumber } from '../formulas/number';
import { useVisualizer } from '../store/context';
import { nodeName } from './describe';
import { LossChart } from './LossChart';
import { SidePanel } from './SidePanel';
import { useT } from './useT';

interface Run {
  compiled: Compiled;
  inputs: Map<number, number>;
  losses: number[];
  last: Update[];
  steps: number;
}

function fresh(compiled: Compiled): Run {
  const inputs = new Map(compiled.graph.nodes.filter((n) => n.op === 'input').map((n) => [n.index, n.value]));
  return { compiled, inputs, losses: [lossAt(compiled.graph, inputs)], last: [], steps: 0 };
}

export function TrainingPanel() {
  const compiled = useVisualizer((s) => s.compiled);
  const text = useVisualizer((s) => s.text);
  const setText = useVisualizer((s) => s.setText);
  const t = useT();
  const [rate, setRate] = useState('0.01');
  const [run, setRun] = useState<Run | null>(null);
  const [running, setRunning] = useState(false);
  const [frozen, setFrozen] = useState<ReadonlySet<number>>(new Set());
  const current = run && run.compiled === compiled ? run : compiled ? fresh(compiled) : null;
  const params = useMemo(
    () => (compiled ? compiled.graph.nodes.filter((n) => n.op === 'input' && !frozen.has(n.index)).map((n) => n.index) : []),
    [compiled, frozen],
  );
  const alpha = Number(rate);
  const state = useRef(current);
  state.current = current;

  const advance = (count: number) => {
    const start = state.current;
    if (!start || !Number.isFinite(alpha)) return;
    let inputs = start.inputs;
    const losses = [...start.losses];
    let last: Update[] = start.last;
    for (let k = 0; k < count; k++) {
      const step = descentStep(start.compiled.graph, inputs, params, alpha);
      inputs = step.values;
      last = step.updates;
      losses.push(lossAt(start.compiled.graph, inputs));
      if (!Number.isFinite(losses.at(-1) as number)) break;
    }
    const next = { ...start, inputs, losses: losses.slice(-2000), last, steps: start.steps + count };
    state.current = next;
    setRun(next);
  };

  useEffect(() => {
    if (!running) return;
    let frame = 0;
    const tick = () => {
      advance(5);
      const losses = state.current?.losses ?? [];
      if (divergence(losses) !== 'none' || (state.current?.steps ?? 0) >= 10000) setRunning(false);
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running]);

  if (!compiled || !current) return null;
  const { graph } = compiled;
  const trouble = divergence(current.losses);
  const loss = current.losses.at(-1) as number;
  return (
    <SidePanel id="training" title={t('train.title')} explain={t('train.explain')}>
      <div className="train-controls">
        <label className="inline">
          α ={' '}
          <input value={rate} onChange={(e) => setRate(e.target.value)} inputMode="decimal" size={6} aria-label={t('train.rate')} data-testid="train-rate" />
        </label>
        <button type="button" onClick={() => advance(1)}>
          {t('train.step1')}
        </button>
        <button type="button" onClick={() => advance(100)}>
          {t('train.step100')}
        </button>
        <button type="button" onClick={() => setRunning(!running)} aria-pressed={running}>
          {running ? t('train.stop') : t('train.run')}
        </button>
        <button type="button" onClick={() => { setRunning(false); setRun(fresh(compiled)); }}>
          {t('train.reset')}
        </button>
      </div>
      <p data-testid="train-status">
        {t('train.status', { steps: current.steps, loss: formatNumber(loss) })}
      </p>
      {trouble !== 'none' && (
        <p className="non-finite-note" role="status" data-testid="train-divergence">
          {t(trouble === 'nonFinite' ? 'train.nan' : 'train.diverging', { rate })}
        </p>
      )}
      <LossChart losses={current.losses} />
      <table className="numbers">
        <thead>
          <tr>
            <th>{t('train.param')}</th>
            <th>{t('train.value')}</th>
            <th>{t('train.update')}</th>
          </tr>
        </thead>
        <tbody>
          {graph.nodes
            .filter((n) => n.op === 'input')
            .map((n) => {
              const u = current.last.find((x) => x.node === n.index);
              return (
                <tr key={n.id} data-param={n.label ?? n.id} data-value={String(current.inputs.get(n.index))}>
                  <td>
                    <label>
                      <input
                        type="checkbox"
                        checked={!frozen.has(n.index)}
                        onChange={(e) => {
                          const next = new Set(frozen);
                          if (e.target.checked) next.delete(n.index);
                          else next.add(n.index);
                          setFrozen(next);
                        }}
                      />{' '}
                      {nodeName(graph, n.index)}
                    </label>
                  </td>
                  <td>{formatNumber(current.inputs.get(n.index) ?? n.value)}</td>
                  <td className="update">
                    {u ? `${formatNumber(u.before)} − ${formatNumber(alpha)}·${formatNumber(u.grad)} = ${formatNumber(u.after)}` : ''}
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
      <button type="button" onClick={() => setText(setInputValues(text, compiled.graph, current.inputs))} disabled={current.steps === 0}>
        {t('train.apply')}
      </button>
    </SidePanel>
  );
}
