import type { Graph } from './graph';
import { forwardSweep } from './sweep';
import { scalar, scalarValue, type Tensor } from './tensor/tensor';

/**
 * Recomputes every node's forward value with some input values replaced.
 * `overrides` maps node index -> value (inputs or constants): numbers for
 * number nodes, tensors for any. Returns the numbers (NaN for tensor nodes).
 */
export function forwardValues(graph: Graph, overrides: ReadonlyMap<number, number | Tensor> = new Map()): Float64Array {
  return Float64Array.from(forwardSweep(graph, asTensors(overrides)), scalarValue);
}

function asTensors(overrides: ReadonlyMap<number, number | Tensor>): Map<number, Tensor> {
  return new Map([...overrides].map(([k, v]) => [k, typeof v === 'number' ? scalar(v) : v]));
}

/** The loss with some leaf values replaced. */
function lossWith(graph: Graph, overrides: ReadonlyMap<number, Tensor>): number {
  return forwardSweep(graph, overrides)[graph.output].data[0];
}

/** The step used for input x: small relative to x, never zero. */
export function stepFor(x: number, relative = 1e-5): number {
  return relative * Math.max(1, Math.abs(x));
}

/**
 * ∂L/∂x by central differences, (L(x+h) − L(x−h)) / 2h, refined with one
 * Richardson step so the error is O(h⁴): independent of backprop, for checking it.
 * `element` picks one entry of a vector or matrix input.
 */
export function numericGradient(graph: Graph, input: number, h?: number, element = 0): number {
  const base = graph.nodes[input].tensor;
  const x = base.data[element];
  const step = h ?? stepFor(x);
  const lossAt = (v: number): number => {
    const data = base.data.slice();
    data[element] = v;
    return lossWith(graph, new Map([[input, { shape: base.shape, data }]]));
  };
  const central = (s: number): number => (lossAt(x + s) - lossAt(x - s)) / (2 * s);
  const coarse = central(step);
  const fine = central(step / 2);
  return (4 * fine - coarse) / 3;
}

/** ∂L/∂(every entry of an input) by central differences, as a tensor of the input's shape. */
export function numericGradientTensor(graph: Graph, input: number): Tensor {
  const base = graph.nodes[input].tensor;
  return { shape: base.shape, data: Float64Array.from(base.data, (_, k) => numericGradient(graph, input, undefined, k)) };
}

/** Numerical gradients of every `input` node that is a number, by index. */
export function numericGradients(graph: Graph): Map<number, number> {
  const result = new Map<number, number>();
  for (const node of graph.nodes) {
    if (node.op === 'input' && node.shape.length === 0) result.set(node.index, numericGradient(graph, node.index));
  }
  return result;
}

export interface GradientCheck {
  readonly node: number;
  /** Which entry of a vector or matrix input (0 for a number). */
  readonly element: number;
  readonly backprop: number;
  readonly numeric: number;
  /** |a − b| / max(|a|, |b|, tiny): the figure the seed notes suggest comparing. */
  readonly relativeError: number;
  /** The plain difference quotient ΔL / 2h and the nudge used, for showing to a student. */
  readonly h: number;
  readonly lossPlus: number;
  readonly lossMinus: number;
}

export function relativeError(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b), 1e-12);
  return Math.abs(a - b) / scale;
}

/**
 * Compares backprop gradients with central differences for every entry of
 * every input. `grads` holds each node's gradient (a tensor, or a number for number nodes).
 */
export function checkGradients(graph: Graph, grads: ArrayLike<number> | readonly Tensor[], nudge?: number, limit = Infinity): GradientCheck[] {
  const checks: GradientCheck[] = [];
  for (const node of graph.nodes) {
    if (node.op !== 'input') continue;
    const g = grads[node.index];
    for (let element = 0; element < node.tensor.data.length; element++) {
      // Each check costs four forward passes: a network on a data set has far too many entries to check them all.
      if (checks.length >= limit) return checks;
      const x = node.tensor.data[element];
      const h = nudge ?? stepFor(x);
      const at = (v: number) => {
        const data = node.tensor.data.slice();
        data[element] = v;
        return lossWith(graph, new Map([[node.index, { shape: node.shape, data }]]));
      };
      const numeric = numericGradient(graph, node.index, h, element);
      const backprop = typeof g === 'number' ? g : g.data[element];
      checks.push({ node: node.index, element, backprop, numeric, relativeError: relativeError(backprop, numeric), h, lossPlus: at(x + h), lossMinus: at(x - h) });
    }
  }
  return checks;
}
