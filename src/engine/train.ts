// Gradient descent on a program's inputs, and forward-mode derivatives:
// both work on a graph with input values overridden, without reparsing.
import { forwardValues } from './gradcheck';
import type { Graph } from './graph';
import { OPS } from './ops';
import { backwardSweep, forwardSweep } from './sweep';
import { allFinite, scalar, scalarValue } from './tensor/tensor';

/** ∂node/∂(each input slot) of a number node at the given forward values. */
function locals(graph: Graph, values: Float64Array, index: number): number[] {
  const node = graph.nodes[index];
  const entry = OPS[node.op];
  if (entry.kind !== 'elementwise') return node.inputs.map(() => NaN);
  const a = values[node.inputs[0]];
  const b = node.inputs.length > 1 ? values[node.inputs[1]] : (node.param ?? 0);
  return node.inputs.map((_, slot) => (slot === 0 ? entry.da : entry.db)(a, b, values[index]));
}

/** Reverse mode: ∂L/∂node for every number node at these forward values (one backward sweep). */
export function gradientsAt(graph: Graph, values: Float64Array): Float64Array {
  const tensors = graph.nodes.map((n) => (n.shape.length === 0 ? scalar(values[n.index]) : n.tensor));
  return Float64Array.from(backwardSweep(graph, tensors), scalarValue);
}

/**
 * Forward mode: ∂node/∂wrt for every node, carried forward alongside the values
 * (a "tangent" per node). One pass gives the derivative of everything with
 * respect to ONE input; reverse mode gives the output's derivative with respect
 * to EVERY input in one pass. Programs on numbers only.
 */
export function forwardTangents(graph: Graph, wrt: number, values: Float64Array = forwardValues(graph)): Float64Array {
  const tangents = new Float64Array(graph.nodes.length);
  tangents[wrt] = 1;
  for (const node of graph.nodes) {
    if (node.inputs.length === 0) continue;
    const local = locals(graph, values, node.index);
    let sum = 0;
    node.inputs.forEach((input, slot) => {
      sum += local[slot] * tangents[input];
    });
    tangents[node.index] = sum;
  }
  return tangents;
}

export interface Update {
  node: number;
  before: number;
  grad: number;
  after: number;
}

export interface DescentStep {
  /** Loss before the update, at the old values. */
  loss: number;
  updates: Update[];
  /** Input values after the update, by node index. */
  values: Map<number, number>;
}

/** One step θ ← θ − α·∂L/∂θ for every parameter in `params` (input node indices of number inputs). */
export function descentStep(graph: Graph, inputs: ReadonlyMap<number, number>, params: readonly number[], rate: number): DescentStep {
  const tensors = forwardSweep(graph, new Map([...inputs].map(([k, v]) => [k, scalar(v)])));
  const grads = Float64Array.from(backwardSweep(graph, tensors), scalarValue);
  const next = new Map(inputs);
  const updates = params.map((node) => {
    const before = tensors[node].data[0];
    const after = before - rate * grads[node];
    next.set(node, after);
    return { node, before, grad: grads[node], after };
  });
  return { loss: tensors[graph.output].data[0], updates, values: next };
}

/** The loss at the given input values. */
export function lossAt(graph: Graph, inputs: ReadonlyMap<number, number>): number {
  return forwardValues(graph, inputs)[graph.output];
}

export type Divergence = 'none' | 'nonFinite' | 'growing';

/** Why training went wrong, if it did: NaN/∞ appeared, or the loss kept growing. */
export function divergence(losses: readonly number[]): Divergence {
  if (!allFinite(losses)) return 'nonFinite';
  const n = losses.length;
  if (n >= 6 && losses[n - 1] > losses[n - 6] * 10 && Math.abs(losses[n - 1]) > 1e6 * Math.max(1e-12, Math.abs(losses[0]))) return 'growing';
  if (n >= 4 && losses[n - 1] > losses[n - 2] && losses[n - 2] > losses[n - 3] && losses[n - 3] > losses[n - 4] && Math.abs(losses[n - 1]) > 10 * Math.abs(losses[0])) return 'growing';
  return 'none';
}
