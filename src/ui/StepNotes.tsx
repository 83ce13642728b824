// Notes the step panel adds when they apply: what ∞ and NaN mean, and the
// short rule of a softmax + cross-entropy block drawn as one node.
import type { Compiled, Tensor } from '../engine';
import { nodeTex as nodeTexName } from '../formulas/nodeTex';
import { formatNumber, texNumber } from '../formulas/number';
import { findGroups } from '../graph/groups';
import { useVisualizer } from '../store/context';
import { Formula } from './Formula';
import { useT } from './useT';

/** ∞ and NaN are computed, not errors: say what they mean where they appear. */
export function NonFiniteNote({ compiled, step }: { compiled: Compiled; step: number }) {
  const t = useT();
  const s = compiled.trace.steps[step];
  // Vectors and matrices have no single value (NaN there): look at their elements.
  const firstBad = (...tensors: Tensor[]): number | undefined => {
    for (const x of tensors) for (const v of x.data) if (!Number.isFinite(v)) return v;
    return undefined;
  };
  const badValue = s?.kind === 'forward' ? firstBad(compiled.graph.nodes[s.node].tensor) : undefined;
  if (badValue !== undefined) {
    return (
      <p className="non-finite-note" data-testid="non-finite">
        {t('nonFinite.value', { value: formatNumber(badValue) })}
      </p>
    );
  }
  if (s?.kind === 'backward') {
    const bad = firstBad(s.gradTensor, ...s.contributions.map((c) => c.tensors.amount));
    if (bad !== undefined) {
      return (
        <p className="non-finite-note" data-testid="non-finite">
          {t('nonFinite.grad', { grad: formatNumber(bad) })}
        </p>
      );
    }
  }
  return null;
}

/**
 * When a softmax + cross-entropy block is drawn as one node, its backward rule
 * is the short one: every score z_k receives p_k − y_k.
 */
export function SoftmaxRule({ compiled, node }: { compiled: Compiled; node: number }) {
  const collapsed = useVisualizer((s) => s.collapsed);
  const t = useT();
  const group = findGroups(compiled.graph).find((g) => g.kind === 'softmax' && collapsed.includes(g.id) && g.members.includes(node));
  if (!group) return null;
  const { graph } = compiled;
  const inside = new Set(group.members);
  const scores = graph.edges.filter((e) => inside.has(e.to) && !inside.has(e.from)).map((e) => e.from);
  const lossLog = graph.nodes.find((n) => n.op === 'log' && inside.has(n.index));
  const truth = lossLog ? graph.nodes[lossLog.inputs[0]].label : null;
  const lines = scores.map((z, k) => {
    const p = graph.nodes.find((n) => inside.has(n.index) && n.op === 'div' && graph.nodes[n.inputs[0]].inputs[0] === z);
    const y = p && p.label === truth ? 1 : 0;
    const pv = p?.value ?? NaN;
    return `\\frac{\\partial L}{\\partial ${nodeTexName(graph, z)}} = p_{${k + 1}} - y_{${k + 1}} = ${texNumber(pv)} - ${y} = ${texNumber(pv - y)}`;
  });
  return (
    <div className="rule" data-testid="softmax-rule">
      <h3>{t('group.softmax')}</h3>
      <p>{t('group.softmaxRule')}</p>
      {lines.map((tex) => (
        <Formula key={tex} tex={tex} display />
      ))}
    </div>
  );
}
