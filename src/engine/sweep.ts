// The forward and backward sweeps over a graph: one of each serves the trace,
// training and the gradient check. Values may be given for any input, so the
// same graph is evaluated at other parameter values without being rebuilt.
import type { Graph } from './graph';
import { OPS } from './ops';
import { applyForward, applyVjp, outputShape, type Sent } from './ops/apply';
import { addTensors, sameShape, scalar, zerosOf, type Tensor } from './tensor/tensor';

/** Thrown when replaced values have shapes the program's ops cannot take (a smaller last batch against a fixed-size constant). */
export class ShapeChangeError extends Error {
  constructor(
    message: string,
    readonly node: number,
  ) {
    super(message);
    this.name = 'ShapeChangeError';
  }
}

/**
 * Every node's forward value, with the values of some leaves (by node index)
 * replaced. Replaced values may have other shapes (another number of rows);
 * then every op's shapes are checked again.
 */
export function forwardSweep(graph: Graph, overrides: ReadonlyMap<number, Tensor> = new Map()): Tensor[] {
  const values: Tensor[] = new Array(graph.nodes.length);
  let reshaped = false;
  for (const node of graph.nodes) {
    if (node.inputs.length === 0) {
      const value = overrides.get(node.index) ?? node.tensor;
      if (!sameShape(value.shape, node.shape)) reshaped = true;
      values[node.index] = value;
      continue;
    }
    const entry = OPS[node.op];
    const inputs = node.inputs.map((i) => values[i]);
    if (reshaped) {
      const shape = outputShape(entry, inputs.map((t) => t.shape), node.param);
      if ('error' in shape) throw new ShapeChangeError(`line ${node.pos.line}, col ${node.pos.col}: ${shape.error.message}`, node.index);
    }
    values[node.index] = applyForward(entry, inputs, node.param);
  }
  return values;
}

export interface BackwardOptions {
  /** Called as each node is visited, with its gradient ∂L/∂node (final by then), before it sends anything. */
  readonly onVisit?: (node: number, grad: Tensor) => void;
  /**
   * Called for every contribution, in the order of the backward pass: node `node`
   * sends `sent` to its input in `slot`, where it is added to `before` giving `after`.
   */
  readonly onSend?: (node: number, slot: number, sent: Sent, upstream: Tensor, before: Tensor | null, after: Tensor) => void;
  /** Only nodes with needed[i] = 1 receive gradients (training skips the data's); all when absent. */
  readonly needed?: Uint8Array;
}

/**
 * Reverse mode: ∂L/∂node for every node, from the output's seed ∂L/∂L = 1 down,
 * each node sending the vector-Jacobian product of its op to each input, where
 * it is added (+=) to what that input already holds.
 */
export function backwardSweep(graph: Graph, values: readonly Tensor[], options: BackwardOptions = {}): Tensor[] {
  const n = graph.nodes.length;
  const grads: (Tensor | null)[] = new Array(n).fill(null);
  grads[graph.output] = scalar(1);
  const { onVisit, onSend, needed } = options;
  for (let i = n - 1; i >= 0; i--) {
    const node = graph.nodes[i];
    const upstream = (grads[i] ??= zerosOf(values[i].shape));
    onVisit?.(i, upstream);
    if (node.inputs.length === 0) continue;
    const entry = OPS[node.op];
    const inputs = node.inputs.map((k) => values[k]);
    node.inputs.forEach((to, slot) => {
      if (needed && needed[to] === 0) return;
      const sent = applyVjp(entry, inputs, values[i], upstream, slot, node.param);
      const before = grads[to];
      // The first contribution is added to zeros as well (0 + (−0) is 0, as a student expects).
      // Without a listener nothing else holds these arrays (a vjp returns a new one), so the sum is formed in place.
      const after = onSend ? addTensors(before ?? zerosOf(sent.amount.shape), sent.amount) : addInto(before, sent.amount);
      grads[to] = after;
      onSend?.(i, slot, sent, upstream, before, after);
    });
  }
  return grads.map((g, i) => g ?? zerosOf(values[i].shape));
}

/** before + amount, written into `before`; the first contribution (no `before`) is 0 + amount, written into `amount`. */
function addInto(before: Tensor | null, amount: Tensor): Tensor {
  const d = amount.data;
  if (!before) {
    for (let k = 0; k < d.length; k++) d[k] = 0 + d[k];
    return amount;
  }
  const into = before.data;
  for (let k = 0; k < into.length; k++) into[k] = into[k] + d[k];
  return before;
}

/** The nodes that are `sources` or computed from any of them: those whose gradient training needs. */
export function dependsOn(graph: Graph, sources: readonly number[]): Uint8Array {
  const mark = new Uint8Array(graph.nodes.length);
  for (const t of sources) mark[t] = 1;
  for (const node of graph.nodes) {
    if (node.inputs.some((i) => mark[i] === 1)) mark[node.index] = 1;
  }
  return mark;
}
