// The Jacobian of one node with respect to one input, in numerator layout
// ("Y down, X across": row k is output element k, column e is input element e,
// matrices flattened row by row), built one column per input element from the
// op's `jacobianColumn`; the vector-Jacobian product gᵀJ the backward step
// computes without ever forming J; and, for a vector by a matrix (an order-3
// derivative), its slices ∂y_i/∂W.
import { OPS, type Graph, type Tensor, type Trace } from '../engine';
import { jacobianColumn } from '../engine/ops/apply';
import { stretchedAxes } from '../engine/tensor/broadcast';
import { sizeOf } from '../engine/tensor/tensor';
import { entryTex } from './entryTex';
import { texOperands } from './localTex';
import { bmatrixTex, fitsWritten } from './matrixTex';
import { nodeTexAtom } from './nodeTex';
import { texNumber } from './number';

/** Largest number of rows or columns of a Jacobian written out. */
export const MAX_JACOBIAN_SIDE = 12;

/** ∂(node)/∂(input) with rows = output elements, columns = input elements (row-major data). */
export interface Jacobian {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** The Jacobian of node `index` with respect to its input in `slot`: column e from the op's Jacobian column for input element e. */
export function jacobianOf(graph: Graph, index: number, slot: number): Jacobian {
  const node = graph.nodes[index];
  const input = graph.nodes[node.inputs[slot]];
  const rows = sizeOf(node.shape);
  const cols = sizeOf(input.shape);
  const data = new Float64Array(rows * cols);
  const inputs = node.inputs.map((i) => graph.nodes[i].tensor);
  for (let e = 0; e < cols; e++) {
    for (const term of jacobianColumn(OPS[node.op], inputs, node.tensor, slot, e, node.param)) data[term.k * cols + e] += term.factor;
  }
  return { rows, cols, data };
}

/** The orders of the node, of the input and of the derivative: the order of a derivative is the sum of the orders. */
export function derivativeOrder(graph: Graph, index: number, slot: number): { of: number; wrt: number; order: number } {
  const of = graph.nodes[index].shape.length;
  const wrt = graph.nodes[graph.nodes[index].inputs[slot]].shape.length;
  return { of, wrt, order: of + wrt };
}

/** How the derivative is written: as the input's shape (a number by a tensor), as slices (a vector by a matrix), or as a matrix. */
export function jacobianLayout(graph: Graph, index: number, slot: number): 'gradient' | 'slices' | 'matrix' | 'tooBig' {
  const node = graph.nodes[index];
  const input = graph.nodes[node.inputs[slot]];
  if (node.shape.length === 0) return fitsWritten(input.shape) ? 'gradient' : 'tooBig';
  if (node.shape.length === 1 && input.shape.length === 2) return node.shape[0] <= 6 && fitsWritten(input.shape) ? 'slices' : 'tooBig';
  return sizeOf(node.shape) <= MAX_JACOBIAN_SIDE && sizeOf(input.shape) <= MAX_JACOBIAN_SIDE ? 'matrix' : 'tooBig';
}

/** `\frac{\partial p}{\partial z}`, with vec(·) around a matrix (flattened row by row). */
export function jacobianNameTex(graph: Graph, index: number, slot: number): string {
  const node = graph.nodes[index];
  const input = node.inputs[slot];
  const vec = (i: number) => (graph.nodes[i].shape.length === 2 && node.shape.length > 0 ? `\\operatorname{vec}(${nodeTexAtom(graph, i)})` : nodeTexAtom(graph, i));
  return `\\frac{\\partial ${vec(index)}}{\\partial ${vec(input)}}`;
}

function matrixTex(rows: number, cols: number, data: ArrayLike<number>): string {
  const t: Tensor = { shape: [rows, cols], data: Float64Array.from(data) };
  return bmatrixTex(t);
}

/** The whole Jacobian with numbers: `\frac{\partial p}{\partial z} = [...]`. */
export function jacobianMatrixTex(graph: Graph, index: number, slot: number): string {
  const j = jacobianOf(graph, index, slot);
  const node = graph.nodes[index];
  const input = graph.nodes[node.inputs[slot]];
  // A number by a tensor: one row, written in the input's own shape (it is ∂o/∂input itself).
  const body = node.shape.length === 0 ? bmatrixTex({ shape: input.shape, data: j.data }) : matrixTex(j.rows, j.cols, j.data);
  return `${jacobianNameTex(graph, index, slot)} = ${body}`;
}

/**
 * The Jacobian in symbols where it has a known form: diag(f′(x)) for an op on
 * numbers, diag(p) − p pᵀ for softmax (written out with numbers), W for y = W x.
 */
export function jacobianFormTex(graph: Graph, index: number, slot: number): string | null {
  const node = graph.nodes[index];
  const entry = OPS[node.op];
  const input = graph.nodes[node.inputs[slot]];
  const name = jacobianNameTex(graph, index, slot);
  if (entry.kind === 'elementwise' && node.shape.length > 0 && stretchedAxes(input.shape, node.shape).length === 0 && input.shape.length === node.shape.length) {
    return `${name} = \\operatorname{diag}\\left(${entry.derivativeTex(texOperands(graph, index), slot)}\\right)`;
  }
  if (entry.rule === 'softmax' && node.shape.length === 1) {
    const p = node.tensor.data;
    const n = p.length;
    const outer = Array.from({ length: n * n }, (_, k) => p[Math.floor(k / n)] * p[k % n]);
    const diag = Array.from({ length: n * n }, (_, k) => (Math.floor(k / n) === k % n ? p[k % n] : 0));
    const j = jacobianOf(graph, index, slot);
    const o = nodeTexAtom(graph, index);
    return `${name} = \\operatorname{diag}(${o}) - ${o}\\,${o}^{\\top} = ${matrixTex(n, n, diag)} - ${matrixTex(n, n, outer)} = ${matrixTex(n, n, j.data)}`;
  }
  if (entry.rule === 'matmul' && node.shape.length === 1) {
    const [a, b] = node.inputs.map((i) => graph.nodes[i]);
    // y = W x: ∂y/∂x = W. y = x W (a row times a matrix): ∂y/∂x = Wᵀ.
    if (slot === 1 && a.shape.length === 2 && b.shape.length === 1) return `${name} = ${nodeTexAtom(graph, a.index)}`;
    if (slot === 0 && a.shape.length === 1 && b.shape.length === 2) return `${name} = ${nodeTexAtom(graph, b.index)}^{\\top}`;
  }
  return null;
}

/** A vector by a matrix: one slice ∂y_i/∂W (the shape of W) per output element. */
export function jacobianSlicesTex(graph: Graph, index: number, slot: number): string[] {
  const node = graph.nodes[index];
  const input = graph.nodes[node.inputs[slot]];
  const j = jacobianOf(graph, index, slot);
  return Array.from({ length: j.rows }, (_, i) => {
    const slice = j.data.subarray(i * j.cols, (i + 1) * j.cols);
    return `\\frac{\\partial ${entryTex(graph, index, i)}}{\\partial ${nodeTexAtom(graph, input.index)}} = ${bmatrixTex({ shape: input.shape, data: slice })}`;
  });
}

/**
 * The vector-Jacobian product the backward step computed: `g^{\top} J = [g][J] = [...]`,
 * g = ∂L/∂(node) flattened, and what it gives (the input's gradient from this node,
 * flattened). Null until the backward pass has reached the node.
 */
export function vjpJacobianTex(
  graph: Graph,
  trace: Trace,
  index: number,
  slot: number,
  step: number,
): { readonly tex: string; readonly values: Float64Array; readonly sent: Tensor | null } | null {
  const visit = trace.visitStep[index];
  const s = trace.steps[visit];
  if (visit < 0 || step < visit || s?.kind !== 'backward') return null;
  const node = graph.nodes[index];
  const j = jacobianOf(graph, index, slot);
  const g = s.gradTensor.data;
  const values = new Float64Array(j.cols);
  for (let e = 0; e < j.cols; e++) {
    let sum = 0;
    for (let k = 0; k < j.rows; k++) sum += g[k] * j.data[k * j.cols + e];
    values[e] = sum;
  }
  const L = nodeTexAtom(graph, graph.output);
  const gName = node.shape.length === 2 ? `\\operatorname{vec}\\left(\\frac{\\partial ${L}}{\\partial ${nodeTexAtom(graph, index)}}\\right)` : `\\frac{\\partial ${L}}{\\partial ${nodeTexAtom(graph, index)}}`;
  const gRow = j.rows === 1 ? texNumber(g[0]) : matrixTex(1, j.rows, g);
  const jTex = j.rows === 1 && j.cols === 1 ? texNumber(j.data[0]) : matrixTex(j.rows, j.cols, j.data);
  const result = j.cols === 1 ? texNumber(values[0]) : matrixTex(1, j.cols, values);
  const gT = node.shape.length === 0 ? gName : node.shape.length === 2 ? `${gName}^{\\top}` : `\\left(${gName}\\right)^{\\top}`;
  const sent = s.contributions.find((c) => c.slot === slot)?.tensors.amount ?? null;
  return { tex: `${gT} J = ${gRow}\\,${jTex} = ${result}`, values, sent };
}
