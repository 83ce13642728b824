import type { Graph } from './graph';
import { OPS } from './ops';

/**
 * Recomputes every node's forward value with some input values replaced.
 * `overrides` maps node index -> value (inputs or constants).
 */
export function forwardValues(graph: Graph, overrides: ReadonlyMap<number, number> = new Map()): Float64Array {
  const values = new Float64Array(graph.nodes.length);
  for (const node of graph.nodes) {
    const spec = OPS[node.op];
    if (spec.arity === 0) {
      values[node.index] = overrides.get(node.index) ?? node.value;
      continue;
    }
    const a = values[node.inputs[0]];
    const b = node.inputs.length > 1 ? values[node.inputs[1]] : (node.param ?? 0);
    values[node.index] = spec.forward(a, b);
  }
  return values;
}

/** The step used for input x: small relative to x, never zero. */
export function stepFor(x: number, relative = 1e-5): number {
  return relative * Math.max(1, Math.abs(x));
}

/**
 * ∂L/∂x by central differences, (L(x+h) − L(x−h)) / 2h, refined with one
 * Richardson step so the error is O(h⁴): independent of backprop, for checking it.
 */
export function numericGradient(graph: Graph, input: number, h = stepFor(graph.nodes[input].value)): number {
  const x = graph.nodes[input].value;
  const lossAt = (v: number): number => forwardValues(graph, new Map([[input, v]]))[graph.output];
  const central = (step: number): number => (lossAt(x + step) - lossAt(x - step)) / (2 * step);
  const coarse = central(h);
  const fine = central(h / 2);
  return (4 * fine - coarse) / 3;
}

/** Numerical gradients of every `input` node, by index. */
export function numericGradients(graph: Graph): Map<number, number> {
  const result = new Map<number, number>();
  for (const node of graph.nodes) {
    if (node.op === 'input') result.set(node.index, numericGradient(graph, node.index));
  }
  return result;
}

export interface GradientCheck {
  readonly node: number;
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

/** Compares backprop gradients (`grads`, by node index) with central differences for every input. */
export function checkGradients(graph: Graph, grads: ArrayLike<number>, nudge?: number): GradientCheck[] {
  return graph.nodes
    .filter((node) => node.op === 'input')
    .map((node) => {
      const h = nudge ?? stepFor(node.value);
      const lossPlus = forwardValues(graph, new Map([[node.index, node.value + h]]))[graph.output];
      const lossMinus = forwardValues(graph, new Map([[node.index, node.value - h]]))[graph.output];
      const numeric = numericGradient(graph, node.index, h);
      const backprop = grads[node.index];
      return { node: node.index, backprop, numeric, relativeError: relativeError(backprop, numeric), h, lossPlus, lossMinus };
    });
}
