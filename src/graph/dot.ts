// Graphviz DOT for a graph, in the spirit of micrograd's draw_dot: one record
// per node with its name, value and (optionally) gradient.
import type { Graph } from '../engine';
import { versionMark } from '../engine/names';
import { nodeSymbol } from './drawModel';

/** Escapes text for a DOT record label. */
export function escapeDotLabel(text: string): string {
  return text.replace(/[\\"{}|<>]/g, (ch) => `\\${ch}`).replace(/\n/g, '\\n');
}

const num = (x: number): string => (Number.isFinite(x) ? String(Math.round(x * 1e4) / 1e4) : String(x));

export function toDot(graph: Graph, grads?: ArrayLike<number>): string {
  const lines = ['digraph G {', '  rankdir=LR;', '  node [shape=record, fontname="Helvetica"];'];
  for (const node of graph.nodes) {
    // As micrograd's draw_dot: the label as written (§11), else the name, with a prime for a version (c′)
    const name = node.display ?? (node.label !== null ? `${node.label}${versionMark(node.version)}` : node.op === 'const' ? 'const' : nodeSymbol(node));
    const parts = [escapeDotLabel(name), `data ${num(node.value)}`];
    if (grads) parts.push(`grad ${num(grads[node.index])}`);
    lines.push(`  n${node.index} [label="{ ${parts.join(' | ')} }"];`);
  }
  for (const edge of graph.edges) lines.push(`  n${edge.from} -> n${edge.to};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
