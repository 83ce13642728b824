import { compile } from './index';

/** A number as JSON allows it: non-finite values become the strings "Infinity", "-Infinity", "NaN". */
export type JsonNumber = number | 'Infinity' | '-Infinity' | 'NaN';

export function jsonNumber(x: number): JsonNumber {
  if (Number.isFinite(x)) return x;
  if (Number.isNaN(x)) return 'NaN';
  return x > 0 ? 'Infinity' : '-Infinity';
}

export interface GradReport {
  output: string;
  value: JsonNumber;
  grads: Record<string, JsonNumber>;
}

/** The command line's answer (CONTRACTS §7): the output's name and value, and ∂output/∂input for every input. */
export function gradReport(text: string): GradReport {
  const { graph, trace } = compile(text);
  const out = graph.nodes[graph.output];
  const grads: Record<string, JsonNumber> = {};
  for (const node of graph.nodes) {
    if (node.op === 'input' && node.label !== null) grads[node.label] = jsonNumber(trace.grads[node.index]);
  }
  return { output: out.label ?? out.id, value: jsonNumber(out.value), grads };
}
