// Plain-text names of nodes and the words for each step (announcements, panel).
import { OPS, type Compiled, type Contribution, type Graph } from '../engine';
import { shapeKey, shapeText } from '../engine/tensor/tensor';
import { nodeNameText } from '../engine/names';
import { nodeSymbol } from '../graph/drawModel';
import { formatNumber } from '../formulas/number';
import { t, type Locale } from '../i18n';
import { shapeWords } from './errorText';

/** `x`, `w₁`, `c′` (c assigned again), `x1*w1` (a display label), or for an anonymous node its operator in brackets: `[×]`. */
export function nodeName(graph: Graph, index: number): string {
  const node = graph.nodes[index];
  if (node.label) return nodeNameText(node) as string;
  if (node.op === 'const') {
    if (node.shape.length === 0) return formatNumber(node.value);
    // A vector or matrix constant: its numbers when short, else its shape.
    return node.tensor.data.length <= 4 ? `[${Array.from(node.tensor.data, formatNumber).join(', ')}]` : `[${shapeText(node.shape)}]`;
  }
  return `[${nodeSymbol(node)}]`;
}

/** What a contribution carries, in words: `−4` for a number, `a 3×2 matrix` for a tensor, and what it was summed over. */
function sentWords(locale: Locale, graph: Graph, c: Contribution): string {
  const { amount, summed } = c.tensors;
  const to = nodeName(graph, c.to);
  const sends =
    amount.shape.length === 0
      ? t(locale, 'announce.sends', { amount: formatNumber(amount.data[0]), to })
      : t(locale, 'announce.sendsTensor', { shape: shapeWords(locale, shapeKey(amount.shape)), to });
  if (summed.length === 0) return sends;
  // Broadcast along every axis (a number used at every element), down the rows (axis 0), or along them (axis 1).
  const over = summed.length === c.tensors.upstream.shape.length ? 'announce.summedAll' : summed[0] === 0 ? 'announce.summedRows' : 'announce.summedColumns';
  return `${sends}${locale === 'zh-CN' ? '，' : ', '}${t(locale, over)}`;
}

/** The aria-live announcement for a step. */
export function announcement(locale: Locale, compiled: Compiled, step: number): string {
  const { graph, trace } = compiled;
  const s = trace.steps[step];
  switch (s.kind) {
    case 'start':
      return t(locale, 'announce.start');
    case 'forward': {
      const node = graph.nodes[s.node];
      if (node.shape.length > 0) return t(locale, 'announce.forwardTensor', { node: nodeName(graph, s.node), shape: shapeWords(locale, shapeKey(node.shape)) });
      return t(locale, 'announce.forward', { node: nodeName(graph, s.node), value: formatNumber(s.value) });
    }
    case 'seed':
      return t(locale, 'announce.seed', { node: nodeName(graph, s.node) });
    case 'backward': {
      // What goes to constants is computed but not said: a constant is not a variable.
      const toVariables = s.contributions.filter((c) => graph.nodes[c.to].op !== 'const');
      const sends = toVariables.length
        ? toVariables.map((c) => sentWords(locale, graph, c)).join(locale === 'zh-CN' ? '；' : '; ')
        : t(locale, s.contributions.length ? 'announce.toConstants' : 'announce.leaf');
      const shape = s.gradTensor.shape;
      if (shape.length > 0) return t(locale, 'announce.backwardTensor', { node: nodeName(graph, s.node), shape: shapeText(shape), sends });
      return t(locale, 'announce.backward', { node: nodeName(graph, s.node), grad: formatNumber(s.grad), sends });
    }
  }
}

/** The rule key of the op visited at a backward step. */
export function ruleKey(graph: Graph, index: number) {
  return `rule.${OPS[graph.nodes[index].op].rule}` as const;
}
