// Plain-text names of nodes and the words for each step (announcements, panel).
import { OPS, type Compiled, type Graph } from '../engine';
import { nodeNameText } from '../engine/names';
import { nodeSymbol } from '../graph/drawModel';
import { formatNumber } from '../formulas/number';
import { t, type Locale } from '../i18n';

/** `x`, `w₁`, `c′` (c assigned again), `x1*w1` (a display label), or for an anonymous node its operator in brackets: `[×]`. */
export function nodeName(graph: Graph, index: number): string {
  const node = graph.nodes[index];
  if (node.label) return nodeNameText(node) as string;
  if (node.op === 'const') return formatNumber(node.value);
  return `[${nodeSymbol(node)}]`;
}

/** The aria-live announcement for a step. */
export function announcement(locale: Locale, compiled: Compiled, step: number): string {
  const { graph, trace } = compiled;
  const s = trace.steps[step];
  switch (s.kind) {
    case 'start':
      return t(locale, 'announce.start');
    case 'forward':
      return t(locale, 'announce.forward', { node: nodeName(graph, s.node), value: formatNumber(s.value) });
    case 'seed':
      return t(locale, 'announce.seed', { node: nodeName(graph, s.node) });
    case 'backward': {
      const sends = s.contributions.length
        ? s.contributions
            .map((c) => t(locale, 'announce.sends', { amount: formatNumber(c.amount), to: nodeName(graph, c.to) }))
            .join(locale === 'zh-CN' ? '；' : '; ')
        : t(locale, 'announce.leaf');
      return t(locale, 'announce.backward', { node: nodeName(graph, s.node), grad: formatNumber(s.grad), sends });
    }
  }
}

/** The rule key of the op visited at a backward step. */
export function ruleKey(graph: Graph, index: number) {
  return `rule.${OPS[graph.nodes[index].op].rule}` as const;
}
