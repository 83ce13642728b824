// Forward mode: derivatives with respect to ONE chosen input, carried forward
// alongside the values, step by step; contrasted with reverse mode.
import { useMemo, useState } from 'react';
import { forwardTangents } from '../engine';
import { formatNumber } from '../formulas/number';
import { useVisualizer } from '../store/context';
import { nodeName } from './describe';
import { SidePanel } from './SidePanel';
import { useT } from './useT';

export function ForwardModePanel() {
  const compiled = useVisualizer((s) => s.compiled);
  const step = useVisualizer((s) => s.step);
  const t = useT();
  const inputs = useMemo(() => compiled?.graph.nodes.filter((n) => n.op === 'input') ?? [], [compiled]);
  const [chosen, setChosen] = useState<string>('');
  const wrt = inputs.find((n) => n.id === chosen) ?? inputs[0];
  const tangents = useMemo(() => (compiled && wrt ? forwardTangents(compiled.graph, wrt.index) : null), [compiled, wrt]);
  if (!compiled || !wrt || !tangents) return null;
  const { graph, trace } = compiled;
  const shown = graph.nodes.filter((n) => n.inputs.length === 0 || trace.valueStep[n.index] <= step);
  return (
    <SidePanel id="forward" title={t('forward.title')}>
      <label className="inline">
        {t('forward.wrt')}{' '}
        <select value={wrt.id} onChange={(e) => setChosen(e.target.value)} data-testid="forward-wrt">
          {inputs.map((n) => (
            <option key={n.id} value={n.id}>
              {nodeName(graph, n.index)}
            </option>
          ))}
        </select>
      </label>
      <table className="numbers">
        <thead>
          <tr>
            <th>{t('forward.node')}</th>
            <th>{t('forward.value')}</th>
            <th>∂ / ∂{nodeName(graph, wrt.index)}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((n) => (
            <tr key={n.id} data-node={n.label ?? n.id} data-tangent={String(tangents[n.index])}>
              <td>{nodeName(graph, n.index)}</td>
              <td>{formatNumber(n.value)}</td>
              <td>{formatNumber(tangents[n.index])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('forward.compare', { inputs: inputs.length })}</p>
    </SidePanel>
  );
}
