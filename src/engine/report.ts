import { compile } from './index';
import { toNested, type Nested, type Tensor } from './tensor/tensor';

/** A number as JSON allows it: non-finite values become the strings "Infinity", "-Infinity", "NaN". */
export type JsonNumber = number | 'Infinity' | '-Infinity' | 'NaN';

/** A number, or a vector or matrix as nested arrays of such numbers (CONTRACTS §9). */
export type JsonNested = JsonNumber | JsonNested[];

export function jsonNumber(x: number): JsonNumber {
  if (Number.isFinite(x)) return x;
  if (Number.isNaN(x)) return 'NaN';
  return x > 0 ? 'Infinity' : '-Infinity';
}

function jsonOf(x: Nested): JsonNested {
  return typeof x === 'number' ? jsonNumber(x) : x.map(jsonOf);
}

/** A tensor as JSON: a number for a number, nested arrays for a vector or matrix; non-finite numbers as strings. */
export function jsonTensor(t: Tensor): JsonNested {
  return jsonOf(toNested(t));
}

export interface GradReport {
  output: string;
  value: JsonNumber;
  grads: Record<string, JsonNested>;
}

/**
 * The command line's answer (CONTRACTS §7, §9): the output's name and value, and
 * ∂output/∂input for every input, a vector or matrix input's as its nested array.
 */
export function gradReport(text: string): GradReport {
  const { graph, trace } = compile(text);
  const out = graph.nodes[graph.output];
  const grads: Record<string, JsonNested> = {};
  for (const node of graph.nodes) {
    if (node.op === 'input' && node.label !== null) grads[node.label] = jsonTensor(trace.finalGrads[node.index]);
  }
  return { output: out.label ?? out.id, value: jsonNumber(out.value), grads };
}
