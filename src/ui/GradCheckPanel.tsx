// Gradient checking, as the study notes recommend: nudge each input by ±h and
// compare ΔL / 2h with the gradient backpropagation found.
import { useMemo, useState } from 'react';
import { checkGradients } from '../engine';
import { formatNumber } from '../formulas/number';
import { useVisualizer } from '../store/context';
import { nodeName } from './describe';
import { SidePanel } from './SidePanel';
import { useT } from './useT';

const NUDGES = [1e-2, 1e-4, 1e-6];
/** Most entries checked (each costs four forward passes; a network on a data set has tens of thousands). */
const MAX_CHECKS = 24;

export function GradCheckPanel() {
  const compiled = useVisualizer((s) => s.compiled);
  const t = useT();
  const [h, setH] = useState(1e-4);
  const rows = useMemo(() => (compiled ? checkGradients(compiled.graph, compiled.trace.grads, h, MAX_CHECKS) : []), [compiled, h]);
  const entries = compiled ? compiled.graph.nodes.reduce((n, node) => n + (node.op === 'input' ? node.tensor.data.length : 0), 0) : 0;
  if (!compiled) return null;
  return (
    <SidePanel id="gradcheck" title={t('check.title')} explain={t('check.explain')}>
      <label className="inline">
        h ={' '}
        <select value={h} onChange={(e) => setH(Number(e.target.value))} data-testid="gradcheck-h">
          {NUDGES.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </label>
      <table className="numbers">
        <thead>
          <tr>
            <th>{t('check.input')}</th>
            <th>{t('check.backprop')}</th>
            <th>ΔL / 2h</th>
            <th>{t('check.relative')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const quotient = (r.lossPlus - r.lossMinus) / (2 * r.h);
            const rel = Math.abs(quotient - r.backprop) / Math.max(Math.abs(quotient), Math.abs(r.backprop), 1e-12);
            const ok = rel < 1e-4 || (Math.abs(quotient - r.backprop) < 1e-9);
            return (
              <tr key={`${r.node}:${r.element}`} data-input={compiled.graph.nodes[r.node].label ?? ''}>
                <td>{nodeName(compiled.graph, r.node)}</td>
                <td>{formatNumber(r.backprop)}</td>
                <td data-quotient={String(quotient)}>{formatNumber(quotient)}</td>
                <td className={ok ? 'agree' : 'disagree'} data-relative={String(rel)}>
                  {rel.toExponential(1)} {ok ? '✓' : '✗'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {entries > rows.length && <p className="muted small">{t('check.some', { shown: rows.length, count: entries })}</p>}
      <p className="muted small">{t('check.note')}</p>
    </SidePanel>
  );
}
