// Graphviz DOT for a graph, in the spirit of micrograd's draw_dot: one record
// per node with its name, value and (optionally) gradient. A vector or matrix
// shows its shape and, up to 6×6, its numbers as a grid (rows stacked, each
// row's numbers side by side); a larger one its mean, minimum and maximum.
import type { Graph, Tensor } from '../engine';
import { versionMark } from '../engine/names';
import { rowsCols, shapeText } from '../engine/tensor/tensor';
import { nodeSymbol } from './drawModel';

/** Largest side of a vector or matrix whose numbers are written out. */
export const DOT_MAX_SIDE = 6;

/** Escapes text for a DOT record label. */
export function escapeDotLabel(text: string): string {
  return text.replace(/[\\"{}|<>]/g, (ch) => `\\${ch}`).replace(/\n/g, '\\n');
}

const num = (x: number): string => (Number.isFinite(x) ? String(Math.round(x * 1e4) / 1e4) : String(x));

/**
 * The record field of a value: `data 3` for a number; for a tensor, `{data | {1 | 2} | {3 | 4}}`
 * (the braces turn each level: a column of rows, each a row of numbers) or a summary.
 */
function valueField(title: string, t: Tensor): string {
  if (t.shape.length === 0) return `${title} ${num(t.data[0])}`;
  const [r, c] = rowsCols(t.shape);
  if (r <= DOT_MAX_SIDE && c <= DOT_MAX_SIDE) {
    const rows = Array.from({ length: r }, (_, i) => `{${Array.from(t.data.subarray(i * c, i * c + c), num).join(' | ')}}`);
    return `{${title} | ${rows.join(' | ')}}`;
  }
  let min = Infinity;
  let max = -Infinity;
  let total = 0;
  for (const x of t.data) {
    min = Math.min(min, x);
    max = Math.max(max, x);
    total += x;
  }
  return `{${title} | mean ${num(total / t.data.length)} | min ${num(min)} | max ${num(max)}}`;
}

/** `grads`: each node's gradient, as tensors (trace.finalGrads) or, for number programs, numbers. */
export function toDot(graph: Graph, grads?: readonly Tensor[] | ArrayLike<number>): string {
  const lines = ['digraph G {', '  rankdir=LR;', '  node [shape=record, fontname="Helvetica"];'];
  for (const node of graph.nodes) {
    // As micrograd's draw_dot: the label as written (§11), else the name, with a prime for a version (c′)
    const name = node.display ?? (node.label !== null ? `${node.label}${versionMark(node.version)}` : node.op === 'const' ? 'const' : nodeSymbol(node));
    const parts = [escapeDotLabel(name)];
    if (node.shape.length > 0) parts.push(shapeText(node.shape));
    parts.push(valueField('data', node.tensor));
    const g = grads?.[node.index];
    if (g !== undefined) parts.push(valueField('grad', typeof g === 'number' ? { shape: [], data: Float64Array.of(g) } : g));
    lines.push(`  n${node.index} [label="{ ${parts.join(' | ')} }"];`);
  }
  for (const edge of graph.edges) lines.push(`  n${edge.from} -> n${edge.to};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
