// Edits of program text that keep everything else as the user wrote it.
import type { Graph } from './graph';
import type { Tensor } from './tensor/tensor';

/** The program text with new values written into input statements (`x = 1` → `x = 0.96`), by node index. */
export function setInputValues(text: string, graph: Graph, inputs: ReadonlyMap<number, number>): string {
  const lines = text.split('\n');
  for (const [index, value] of inputs) {
    const node = graph.nodes[index];
    const line = lines[node.pos.line - 1];
    if (line === undefined || !node.label) continue;
    const shown = String(Number(value.toPrecision(6)));
    // `x = 1`, and in Python (§11) `x = Value(1.0, label='x')`, `x = torch.tensor(1.0, …)`, `x = torch.Tensor([1.0])`
    const python = '(?:(?:Value|torch\\s*\\.\\s*(?:tensor|Tensor|as_tensor))\\s*\\(\\s*(?:data\\s*=\\s*)?\\[?\\s*)?';
    const number = '(?:\\(\\s*-?[0-9.eE+-]+\\s*\\)|-?[0-9.eE+-]+)';
    lines[node.pos.line - 1] = line.replace(new RegExp(`(^|;)(\\s*${node.label}\\s*=\\s*${python})${number}`), `$1$2${shown}`);
  }
  return lines.join('\n');
}


/** A number written back into a program: `digits` significant digits, `-0` as 0. */
function numberText(x: number, digits: number): string {
  return String(Number(x.toPrecision(digits)) || 0);
}

/** A value as the language writes an input: `0.5`, `[1, 2]`, a matrix one row a line. */
export function valueLiteral(t: Tensor, digits = 4): string {
  if (t.shape.length === 0) return numberText(t.data[0], Math.max(digits, 6));
  const row = (from: number, count: number) => `[${Array.from(t.data.subarray(from, from + count), (x) => numberText(x, digits)).join(', ')}]`;
  if (t.shape.length === 1) return row(0, t.shape[0]);
  const [r, c] = t.shape;
  return `[${Array.from({ length: r }, (_, i) => row(i * c, c)).join(',\n    ')}]`;
}

/** UTF-16 offset of a 1-based line and column (columns count code points, as the lexer does). */
function offsetOf(text: string, line: number, col: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  for (let c = 1; c < col && offset < text.length && text[offset] !== '\n'; c++) offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  return offset;
}

/** Where the right-hand side of the assignment whose name starts at `at` begins and ends (brackets may span lines). */
function rightHandSide(text: string, at: number): [number, number] | null {
  const eq = text.indexOf('=', at);
  if (eq < 0 || text.slice(at, eq).includes('\n')) return null;
  let start = eq + 1;
  while (text[start] === ' ' || text[start] === '\t') start++;
  let depth = 0;
  let end = start;
  for (; end < text.length; end++) {
    const ch = text[end];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth <= 0 && (ch === '\n' || ch === ';' || ch === '#')) break;
  }
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end > start ? [start, end] : null;
}

/**
 * The program text with new values for inputs, by node id (training's parameters):
 * each input's right-hand side is replaced by the value as a literal (numbers to 6
 * significant digits, vectors and matrices to 4), everything else kept as written.
 */
export function setParameterValues(text: string, graph: Graph, values: ReadonlyMap<string, Tensor>): string {
  const edits: [number, number, string][] = [];
  for (const node of graph.nodes) {
    const value = values.get(node.id);
    if (node.op !== 'input' || !value || !node.label) continue;
    const span = rightHandSide(text, offsetOf(text, node.pos.line, node.pos.col));
    if (span) edits.push([span[0], span[1], valueLiteral(value)]);
  }
  let out = text;
  for (const [start, end, literal] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + literal + out.slice(end);
  return out;
}
