// The ops on whole vectors and matrices (CONTRACTS §9): each with its shape
// rule, forward value and vector-Jacobian product, which is what a backward
// step sends to each input: for C = A @ B, ∂L/∂A = ∂L/∂C · Bᵀ and ∂L/∂B = Aᵀ · ∂L/∂C.
import { matmulNN, matmulNT, matmulTN } from '../tensor/matmul';
import { problem, shapeParams } from '../tensor/shapeProblem';
import { describeShape, rowsCols, sameShape, sizeOf, type Shape, type Tensor } from '../tensor/tensor';
import type { ShapeResult, TensorOp } from './types';

/** A vector on the left of @ is one row; on the right, one column. */
function matmulShapes(a: Shape, b: Shape): { r: number; k: number; c: number; kb: number } {
  const [r, k] = a.length === 2 ? [a[0], a[1]] : [1, a[0]];
  const [kb, c] = b.length === 2 ? [b[0], b[1]] : [b[0], 1];
  return { r, k, c, kb };
}

function matmulShape(a: Shape, b: Shape): ShapeResult {
  if (a.length === 0 || b.length === 0) {
    const side = a.length === 0 ? 'left' : 'right';
    return problem('matmulNumber', { side }, `@ multiplies vectors and matrices, but its ${side} side is a number; use * to multiply by a number`);
  }
  const { r, k, c, kb } = matmulShapes(a, b);
  if (k !== kb) {
    return problem('matmulInner', { ...shapeParams(a, b), k, kb }, `cannot multiply ${describeShape(a)} by ${describeShape(b)} with @ (inner sizes ${k} and ${kb} differ)`);
  }
  const shape: number[] = [];
  if (a.length === 2) shape.push(r);
  if (b.length === 2) shape.push(c);
  return shape;
}

const matmul: TensorOp = {
  kind: 'tensor',
  name: 'matmul',
  arity: 2,
  symbol: '@',
  texForm: 'infix',
  precedence: 2,
  tex: ([a, b]) => `${a}\\,${b}`,
  shape: ([a, b]) => matmulShape(a, b),
  forward: ([a, b], _param) => {
    const { r, k, c } = matmulShapes(a.shape, b.shape);
    return { shape: matmulShape(a.shape, b.shape) as Shape, data: matmulNN(a.data, b.data, r, k, c) };
  },
  vjp: ([a, b], _out, g, slot) => {
    const { r, k, c } = matmulShapes(a.shape, b.shape);
    // g seen as r×c: ∂L/∂A = g · Bᵀ (r×k), ∂L/∂B = Aᵀ · g (k×c).
    return slot === 0
      ? { shape: a.shape, data: matmulNT(g.data, b.data, r, c, k) }
      : { shape: b.shape, data: matmulTN(a.data, g.data, r, k, c) };
  },
  // C_ij = Σ_p A_ip B_pj: A_ip reaches row i of C (times B_pj); B_pj reaches column j (times A_ip).
  column: ([a, b], _out, slot, element) => {
    const { r, k, c } = matmulShapes(a.shape, b.shape);
    if (slot === 0) {
      const i = Math.floor(element / k);
      const p = element % k;
      return Array.from({ length: c }, (_, j) => ({ k: i * c + j, factor: b.data[p * c + j], operand: { slot: 1, element: p * c + j } }));
    }
    const p = Math.floor(element / c);
    const j = element % c;
    return Array.from({ length: r }, (_, i) => ({ k: i * c + j, factor: a.data[i * k + p], operand: { slot: 0, element: i * k + p } }));
  },
  vjpTex: (o, slot, g) => (slot === 0 ? `${g}\\,${o.atoms[1]}^{\\top}` : `${o.atoms[0]}^{\\top}\\,${g}`),
  cost: ([a, b]) => {
    const { r, k, c } = matmulShapes(a, b);
    return r * k * c;
  },
  ruleTex: [
    '\\frac{\\partial L}{\\partial A} = \\frac{\\partial L}{\\partial C}\\,B^{\\top}',
    '\\frac{\\partial L}{\\partial B} = A^{\\top}\\,\\frac{\\partial L}{\\partial C}',
  ],
  rule: 'matmul',
  torch: { precedence: 2, write: (arg) => `${arg(0, 2)} @ ${arg(1, 3)}` },
};

/** The shape left after reducing over `axis` (null: all elements). */
function reducedShape(shape: Shape, axis: number | null, fn: string): ShapeResult {
  if (axis === null) return [];
  if (axis !== 0 && axis !== 1) return problem('axisValue', { fn, axis }, `the axis of ${fn} is 0 (down the rows) or 1 (along each row), not ${axis}`);
  if (shape.length === 0) return problem('axisOfNumber', { fn, axis }, `${fn}(…, ${axis}) needs a vector or a matrix, not a number`);
  if (shape.length === 1) return axis === 0 ? [] : problem('axisOfVector', { fn }, `a vector has only axis 0; ${fn}(v, 1) needs a matrix`);
  return axis === 0 ? [shape[1]] : [shape[0]];
}

/** How many elements each output element of the reduction gathers. */
function reducedCount(shape: Shape, axis: number | null): number {
  if (axis === null) return sizeOf(shape);
  if (shape.length === 1) return shape[0];
  return shape[axis];
}

function reduce(t: Tensor, axis: number | null, scale: number): Tensor {
  const shape = reducedShape(t.shape, axis, 'sum') as Shape;
  const out = new Float64Array(sizeOf(shape));
  if (axis === null || t.shape.length < 2) {
    let s = 0;
    for (let i = 0; i < t.data.length; i++) s += t.data[i];
    out[0] = s * scale;
  } else {
    const [r, c] = t.shape;
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[axis === 0 ? j : i] += t.data[i * c + j];
    for (let i = 0; i < out.length; i++) out[i] *= scale;
  }
  return { shape, data: out };
}

/** The gradient of a reduction: each input element receives its output element's gradient times `scale`. */
function spread(input: Shape, axis: number | null, g: Tensor, scale: number): Tensor {
  const data = new Float64Array(sizeOf(input));
  if (axis === null || input.length < 2) data.fill(g.data[0] * scale);
  else {
    const [r, c] = input;
    for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) data[i * c + j] = g.data[axis === 0 ? j : i] * scale;
  }
  return { shape: input, data };
}

const ones = (shape: Shape): string => {
  const [r, c] = rowsCols(shape);
  return shape.length === 2 ? `\\mathbf{1}_{${r}\\times ${c}}` : `\\mathbf{1}_{${c}}`;
};

function reduction(name: 'sum' | 'mean'): TensorOp {
  const mean = name === 'mean';
  return {
    kind: 'tensor',
    name,
    call: name,
    axisArgument: true,
    arity: 1,
    symbol: mean ? 'mean' : 'Σ',
    texForm: 'function',
    precedence: 5,
    tex: ([a], axis) => `\\operatorname{${name}}${axis === '' ? '' : `_{${axis}}`}(${a})`,
    shape: ([a], axis) => reducedShape(a, axis, name),
    forward: ([a], axis) => reduce(a, axis, mean ? 1 / reducedCount(a.shape, axis) : 1),
    vjp: ([a], _out, g, _slot, axis) => spread(a.shape, axis, g, mean ? 1 / reducedCount(a.shape, axis) : 1),
    // Each element feeds exactly one output element: all of them (no axis), its column (0) or its row (1).
    column: ([a], _out, _slot, element, axis) => {
      const factor = mean ? 1 / reducedCount(a.shape, axis) : 1;
      if (axis === null || a.shape.length < 2) return [{ k: 0, factor }];
      const c = a.shape[1];
      return [{ k: axis === 0 ? element % c : Math.floor(element / c), factor }];
    },
    vjpTex: (o, _slot, g) => {
      const shape = o.shapes[0];
      const n = reducedCount(shape, o.param);
      const scale = mean ? `\\frac{1}{${n}}\\,` : '';
      if (o.param === null || shape.length < 2) return `${scale}${g}\\,${ones(shape)}`;
      // Axis 0: every row receives the gradient row; axis 1: every column receives the gradient column.
      return o.param === 0 ? `${scale}\\mathbf{1}_{${shape[0]}}\\,${g}^{\\top}` : `${scale}${g}\\,\\mathbf{1}_{${shape[1]}}^{\\top}`;
    },
    cost: ([a]) => sizeOf(a),
    ruleTex: mean
      ? ['\\frac{\\partial L}{\\partial a_{ij}} = \\frac{1}{N}\\,\\frac{\\partial L}{\\partial o}']
      : ['\\frac{\\partial L}{\\partial a_{ij}} = \\frac{\\partial L}{\\partial o}'],
    rule: mean ? 'averages' : 'sums',
    torch: {
      precedence: 5,
      write: (arg, axis) => `torch.${name}(${arg(0, 0)}${axis === null ? '' : `, dim=${axis}`})`,
    },
  };
}

function transposeOf(t: Tensor): Tensor {
  const [r, c] = t.shape;
  const data = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) data[j * r + i] = t.data[i * c + j];
  return { shape: [c, r], data };
}

const transpose: TensorOp = {
  kind: 'tensor',
  name: 'transpose',
  call: 'transpose',
  arity: 1,
  symbol: 'ᵀ',
  texForm: 'power',
  precedence: 4,
  tex: ([a]) => `{${a}}^{\\top}`,
  shape: ([a]) =>
    a.length === 2
      ? [a[1], a[0]]
      : problem('transposeMatrix', shapeParams(a), `transpose needs a matrix; ${describeShape(a)} has no rows and columns to swap (write [[…]] for a 1×n matrix)`),
  forward: ([a]) => transposeOf(a),
  vjp: (_inputs, _out, g) => transposeOf(g),
  column: ([a], _out, _slot, element) => {
    const [r, c] = a.shape;
    return [{ k: (element % c) * r + Math.floor(element / c), factor: 1 }];
  },
  vjpTex: (_o, _slot, g) => `\\left(${g}\\right)^{\\top}`,
  cost: ([a]) => sizeOf(a),
  ruleTex: ['\\frac{\\partial L}{\\partial A} = \\left(\\frac{\\partial L}{\\partial O}\\right)^{\\top}'],
  rule: 'transposes',
  torch: { precedence: 5, write: (arg) => `${arg(0, 5)}.T` },
};

/** Row-wise softmax (a vector is one row), computed from z − max(z) so that exp cannot overflow. */
export function softmaxRows(t: Tensor): Tensor {
  const [r, c] = rowsCols(t.shape);
  const data = new Float64Array(t.data.length);
  for (let i = 0; i < r; i++) {
    let max = -Infinity;
    for (let j = 0; j < c; j++) max = Math.max(max, t.data[i * c + j]);
    let total = 0;
    for (let j = 0; j < c; j++) total += data[i * c + j] = Math.exp(t.data[i * c + j] - max);
    for (let j = 0; j < c; j++) data[i * c + j] /= total;
  }
  return { shape: t.shape, data };
}

/** Row-wise log softmax: z − max − log Σ exp(z − max). */
export function logSoftmaxRows(t: Tensor): Tensor {
  const [r, c] = rowsCols(t.shape);
  const data = new Float64Array(t.data.length);
  for (let i = 0; i < r; i++) {
    let max = -Infinity;
    for (let j = 0; j < c; j++) max = Math.max(max, t.data[i * c + j]);
    let total = 0;
    for (let j = 0; j < c; j++) total += Math.exp(t.data[i * c + j] - max);
    const log = Math.log(total);
    for (let j = 0; j < c; j++) data[i * c + j] = t.data[i * c + j] - max - log;
  }
  return { shape: t.shape, data };
}

const softmax: TensorOp = {
  kind: 'tensor',
  name: 'softmax',
  call: 'softmax',
  arity: 1,
  symbol: 'softmax',
  texForm: 'function',
  precedence: 5,
  tex: ([a]) => `\\operatorname{softmax}(${a})`,
  shape: ([a]) => (a.length === 0 ? problem('needsTensor', { fn: 'softmax' }, 'softmax needs a vector or a matrix (each row), not a number') : a),
  forward: ([a]) => softmaxRows(a),
  // Each row: ∂L/∂z = p ⊙ (g − (g·p)), the vector-Jacobian product with J = diag(p) − p pᵀ.
  vjp: (_inputs, out, g) => {
    const [r, c] = rowsCols(out.shape);
    const data = new Float64Array(out.data.length);
    for (let i = 0; i < r; i++) {
      let dot = 0;
      for (let j = 0; j < c; j++) dot += g.data[i * c + j] * out.data[i * c + j];
      for (let j = 0; j < c; j++) data[i * c + j] = out.data[i * c + j] * (g.data[i * c + j] - dot);
    }
    return { shape: out.shape, data };
  },
  // z_j moves every p_k of its row: ∂p_k/∂z_j = p_k ([k = j] − p_j).
  column: (_inputs, out, _slot, element) => {
    const [, c] = rowsCols(out.shape);
    const row = Math.floor(element / c);
    const pj = out.data[element];
    return Array.from({ length: c }, (_, col) => {
      const k = row * c + col;
      return { k, factor: out.data[k] * ((k === element ? 1 : 0) - pj) };
    });
  },
  vjpTex: (_o, _slot, g, out) => `${out} \\odot \\left(${g} - \\left(${g} \\cdot ${out}\\right)\\mathbf{1}\\right)`,
  cost: ([a]) => 3 * sizeOf(a),
  ruleTex: ['\\frac{\\partial p_i}{\\partial z_j} = p_i\\,([i = j] - p_j)'],
  rule: 'softmax',
  torch: { precedence: 5, write: (arg) => `torch.softmax(${arg(0, 0)}, dim=-1)` },
};

const softmaxCrossEntropy: TensorOp = {
  kind: 'tensor',
  name: 'softmax_cross_entropy',
  call: 'softmax_cross_entropy',
  arity: 2,
  symbol: 'softmax·CE',
  texForm: 'function',
  precedence: 5,
  tex: ([z, t]) => `\\operatorname{CE}\\left(\\operatorname{softmax}(${z}), ${t}\\right)`,
  shape: ([z, t]) => {
    if (z.length === 0) {
      return problem('needsTensor', { fn: 'softmax_cross_entropy' }, 'softmax_cross_entropy needs scores as a vector or a matrix (one row per example), not a number');
    }
    if (!sameShape(z, t)) {
      return problem('sameShape', shapeParams(z, t), `the targets must have the shape of the scores: ${describeShape(z)} and ${describeShape(t)} differ`);
    }
    return [];
  },
  // The mean over the rows of −Σₖ tₖ · log softmax(z)ₖ.
  forward: ([z, t]) => {
    const logp = logSoftmaxRows(z);
    const [rows] = rowsCols(z.shape);
    let total = 0;
    for (let i = 0; i < logp.data.length; i++) if (t.data[i] !== 0) total -= t.data[i] * logp.data[i];
    return { shape: [], data: Float64Array.of(total / rows) };
  },
  // The scores receive (softmax(z) · Σₖ tₖ − t) / rows, which is (softmax(z) − t) / rows for
  // one-hot targets (each row sums to 1); the targets receive −log softmax(z) / rows.
  vjp: ([z, t], _out, g, slot) => {
    const [rows, cols] = rowsCols(z.shape);
    const scale = g.data[0] / rows;
    const source = slot === 0 ? softmaxRows(z) : logSoftmaxRows(z);
    const data = new Float64Array(source.data.length);
    for (let i = 0; i < rows; i++) {
      let mass = 0;
      for (let j = 0; j < cols; j++) mass += t.data[i * cols + j];
      for (let j = 0; j < cols; j++) {
        const k = i * cols + j;
        data[k] = slot === 0 ? (mass === 1 ? source.data[k] - t.data[k] : source.data[k] * mass - t.data[k]) * scale : -source.data[k] * scale;
      }
    }
    return { shape: z.shape, data };
  },
  // The output is one number: the column is the gradient itself with ∂L/∂out = 1.
  column: (inputs, out, slot, element) => [{ k: 0, factor: softmaxCrossEntropy.vjp(inputs, out, { shape: [], data: Float64Array.of(1) }, slot, null).data[element] }],
  vjpTex: (o, slot, g) => {
    const [rows] = rowsCols(o.shapes[0]);
    const [z, t] = o.atoms;
    return slot === 0
      ? `\\frac{${g}}{${rows}}\\left(\\operatorname{softmax}(${o.plain[0]}) - ${t}\\right)`
      : `-\\frac{${g}}{${rows}}\\,\\log\\operatorname{softmax}(${z})`;
  },
  cost: ([z]) => 4 * sizeOf(z),
  ruleTex: ['\\frac{\\partial L}{\\partial Z} = \\frac{1}{N}(P - T)', '\\frac{\\partial L}{\\partial T} = -\\frac{1}{N}\\log P'],
  rule: 'softmaxCrossEntropy',
  torch: {
    precedence: 5,
    // PyTorch's cross_entropy with class probabilities as targets is this op exactly (values and both gradients), and reads back as one node.
    write: (arg) => `torch.nn.functional.cross_entropy(${arg(0, 0)}, ${arg(1, 0)})`,
  },
};

export const TENSOR_OPS = [matmul, reduction('sum'), reduction('mean'), transpose, softmax, softmaxCrossEntropy] as const;
