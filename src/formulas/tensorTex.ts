// What a step at a vector or matrix node says, in TeX: the backward rule in
// matrix form with each factor's shape under it, the numbers as small
// matrices, the batch sum where the forward pass broadcast an input, the
// running sum of matrices at a node with several consumers, and the forward
// computation with shapes. The rules come from each op's registry entry
// (`vjpTex`, `derivativeTex`); this file writes shapes and numbers into them.
import { edgeContribution, OPS, type Graph, type Tensor, type Trace } from '../engine';
import { jacobianColumn } from '../engine/ops/apply';
import { softmaxRows } from '../engine/ops/tensorOps';
import { stretchedAxes } from '../engine/tensor/broadcast';
import { rowsCols, type Shape } from '../engine/tensor/tensor';
import { texOperands } from './localTex';
import { bmatrixTex, fitsWritten, shapeTex, tensorValueTex } from './matrixTex';
import { nodeTex, nodeTexAtom, opTex, opTexWithNumbers, opTexWrapped } from './nodeTex';
import { texFactor, texNumber } from './number';

/** Whether node `index` or one of its inputs is a vector or matrix: its steps are written in matrix form. */
export function isTensorNode(graph: Graph, index: number): boolean {
  const node = graph.nodes[index];
  return node.shape.length > 0 || node.inputs.some((input) => graph.nodes[input].shape.length > 0);
}

/** Whether step `step` is written in matrix form: a forward step making a tensor, a backward step at a tensor node. */
export function isTensorStep(graph: Graph, trace: Trace, step: number): boolean {
  const s = trace.steps[step];
  if (s?.kind === 'forward') return graph.nodes[s.node].shape.length > 0;
  if (s?.kind === 'backward') return s.contributions.length > 0 && isTensorNode(graph, s.node);
  return false;
}

/** `\frac{\partial L}{\partial W}` (as stepTex's partialTex). */
function partial(graph: Graph, of: number, wrt: number): string {
  return `\\frac{\\partial ${nodeTexAtom(graph, of)}}{\\partial ${nodeTexAtom(graph, wrt)}}`;
}

/** `tex` with a shape written under it (`\underset{3 \times 2}{W}`); nothing is written under a number. */
export function shapedTex(tex: string, shape: Shape | string): string {
  const text = typeof shape === 'string' ? shape : shape.length === 0 ? '' : shapeTex(shape);
  return text ? `\\underset{${text}}{${tex}}` : tex;
}

/** A vector written as a column: `\begin{bmatrix} 1 \\ 2 \end{bmatrix}`. */
function columnTex(t: Tensor): string {
  return `\\begin{bmatrix} ${Array.from(t.data, texNumber).join(' \\\\ ')} \\end{bmatrix}`;
}

function transposed(t: Tensor): Tensor {
  const [r, c] = t.shape;
  const data = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) data[j * r + i] = t.data[i * c + j];
  return { shape: [c, r], data };
}

/** Cells (TeX strings, row-major) laid out in a shape: a number alone, a vector as a row, a matrix by rows. */
function cellsTex(shape: Shape, cells: readonly string[]): string {
  if (shape.length === 0) return cells[0];
  const [r, c] = rowsCols(shape);
  const rows = Array.from({ length: r }, (_, i) => cells.slice(i * c, i * c + c).join(' & '));
  return `\\begin{bmatrix} ${rows.join(' \\\\ ')} \\end{bmatrix}`;
}

// ---------------------------------------------------------------------------
// Rules of ops on whole tensors: the entry's vjpTex with its operands, its
// gradient g and its output written as tokens, which are then replaced by
// names with shapes under them, or by numbers.

/** Operand a0/a1 (bracketed), p0/p1 (plain), g (∂L/∂node), o (the node's value). */
type Part = 'a0' | 'a1' | 'p0' | 'p1' | 'g' | 'o';
const TOKEN = /\u0001(a0|a1|p0|p1|g|o)\u0001(\^\{\\top\})?/g;
const token = (part: Part): string => `\u0001${part}\u0001`;

/** The entry's vjpTex with each part written by `render` (told whether the rule transposes it). */
function renderVjp(graph: Graph, index: number, slot: number, render: (part: Part, transpose: boolean) => string): string {
  const node = graph.nodes[index];
  const entry = OPS[node.op];
  if (entry.kind !== 'tensor') return '';
  const o = texOperands(graph, index);
  const atoms = o.atoms.map((atom, i) => (i < node.inputs.length ? token(`a${i}` as Part) : atom));
  const plain = o.plain.map((_, i) => token(`p${i}` as Part));
  const tex = entry.vjpTex({ ...o, atoms, plain }, slot, token('g'), token('o'));
  return tex.replace(TOKEN, (_whole, part: Part, top: string | undefined) => render(part, top !== undefined));
}

/**
 * Which vectors of a node's rule stand as columns: the right side of `@` (and
 * what it makes, when the left side is a matrix), the gradient of a row-wise
 * reduction. Elsewhere a vector is written as a row.
 */
function columnParts(graph: Graph, index: number): ReadonlySet<Part> {
  const node = graph.nodes[index];
  const rule = OPS[node.op].rule;
  const shapes = node.inputs.map((input) => graph.nodes[input].shape);
  if (rule === 'matmul') {
    if (shapes[1].length !== 1) return new Set();
    return new Set<Part>(shapes[0].length === 2 ? ['a1', 'p1', 'g'] : ['a1', 'p1']);
  }
  if ((rule === 'sums' || rule === 'averages') && node.param === 1 && shapes[0].length === 2) return new Set<Part>(['g']);
  return new Set();
}

/** Whether the rule is a product whose vectors have a direction (1×n or n×1) for the shapes to line up. */
function isOriented(graph: Graph, index: number): boolean {
  const node = graph.nodes[index];
  const rule = OPS[node.op].rule;
  return rule === 'matmul' || ((rule === 'sums' || rule === 'averages') && node.param !== null);
}

/** The shape of a part as it stands in the rule: transposed, and a vector as 1×n or n×1 in products. */
function partShapeText(shape: Shape, column: boolean, transpose: boolean, oriented: boolean): string {
  if (shape.length === 0) return '';
  if (shape.length === 2) return shapeTex(transpose ? [shape[1], shape[0]] : shape);
  if (!oriented) return shapeTex(shape);
  return column !== transpose ? `${shape[0]} \\times 1` : `1 \\times ${shape[0]}`;
}

/** The numbers of a part as it stands in the rule. */
function partNumbers(t: Tensor, column: boolean, transpose: boolean): string {
  if (t.shape.length === 0) return texFactor(t.data[0]);
  if (t.shape.length === 2) return bmatrixTex(transpose ? transposed(t) : t);
  return column !== transpose ? columnTex(t) : bmatrixTex(t);
}

interface PartValues {
  readonly name: string;
  readonly shape: Shape;
  readonly tensor: Tensor | null;
}

/** What each part of node `index`'s rule is: its TeX name, its shape, its value (g only when known). */
function partsOf(graph: Graph, index: number, upstream: Tensor | null): (part: Part) => PartValues {
  const node = graph.nodes[index];
  const o = texOperands(graph, index);
  return (part) => {
    if (part === 'g') {
      const name = index === graph.output ? '1' : partial(graph, graph.output, index);
      return { name, shape: node.shape, tensor: upstream };
    }
    if (part === 'o') return { name: nodeTexAtom(graph, index), shape: node.shape, tensor: node.tensor };
    const slot = Number(part[1]);
    const input = graph.nodes[node.inputs[slot]];
    return { name: part[0] === 'a' ? o.atoms[slot] : o.plain[slot], shape: input.shape, tensor: input.tensor };
  };
}

// ---------------------------------------------------------------------------
// Rules of ops on numbers applied element by element: ∂L/∂a = ∂L/∂y ⊙ f′(a),
// summed over any axis along which the forward pass broadcast a.

/** The Σ of a broadcast gradient and the subscript of its terms: rows `n,:`, columns `:,m`, every element. */
function broadcastSum(input: Shape, out: Shape): { sum: string; sub: string } | null {
  const axes = stretchedAxes(input, out);
  if (axes.length === 0) return null;
  if (out.length === 1) return { sum: '\\sum_{n}', sub: 'n' };
  if (axes.length === 2) return { sum: '\\sum_{n,m}', sub: 'nm' };
  return axes[0] === 0 ? { sum: '\\sum_{n}', sub: 'n,:' } : { sum: '\\sum_{m}', sub: ':,m' };
}

/** The local factor of an op on numbers for input `slot`: its TeX, and whether it is ±1 (nothing to multiply). */
function elementwiseLocal(graph: Graph, index: number, slot: number): { tex: string; shape: Shape; unit: 1 | -1 | null } {
  const node = graph.nodes[index];
  const entry = OPS[node.op];
  if (entry.kind !== 'elementwise') return { tex: '', shape: [], unit: null };
  const o = texOperands(graph, index);
  const tex = entry.derivativeTex(o, slot);
  if (tex === '1') return { tex, shape: [], unit: 1 };
  if (tex === '-1') return { tex, shape: [], unit: -1 };
  // Multiply swaps: the factor is the other input itself, with its own shape.
  const other = o.atoms.findIndex((atom, s) => s < node.inputs.length && atom === tex);
  if (other >= 0) return { tex, shape: graph.nodes[node.inputs[other]].shape, unit: null };
  return { tex: /\s/.test(tex) ? `\\left(${tex}\\right)` : tex, shape: node.shape, unit: null };
}

/** `g ⊙ local` with the unit factors left out: `g`, `-g`, `g \odot b`. */
function product(g: string, local: string, unit: 1 | -1 | null): string {
  if (unit === 1) return g;
  if (unit === -1) return `-${g}`;
  return `${g} \\odot ${local}`;
}

function elementwiseRule(graph: Graph, index: number, slot: number): string {
  const node = graph.nodes[index];
  const input = graph.nodes[node.inputs[slot]];
  const local = elementwiseLocal(graph, index, slot);
  const g = shapedTex(partial(graph, graph.output, index), node.shape);
  const body = product(g, shapedTex(local.tex, local.shape), local.unit);
  const sum = broadcastSum(input.shape, node.shape);
  const rhs = sum ? `${sum.sum} \\left(${body}\\right)_{${sum.sub}}` : body;
  return `${shapedTex(partial(graph, graph.output, input.index), input.shape)} = ${rhs}`;
}

/**
 * The backward rule of node `index` for its input in `slot`, in matrix form with
 * the shape under each factor: `\underset{3 \times 2}{\frac{\partial L}{\partial W}} =
 * \underset{3 \times 2}{X^{\top}}\,\underset{2 \times 2}{\frac{\partial L}{\partial Y}}`.
 */
export function matrixRuleTex(graph: Graph, index: number, slot: number): string {
  const node = graph.nodes[index];
  const entry = OPS[node.op];
  if (entry.kind === 'elementwise') return elementwiseRule(graph, index, slot);
  const input = graph.nodes[node.inputs[slot]];
  const parts = partsOf(graph, index, null);
  const columns = columnParts(graph, index);
  const oriented = isOriented(graph, index);
  const rhs = renderVjp(graph, index, slot, (part, transpose) => {
    const { name, shape } = parts(part);
    if (part === 'g' && index === graph.output) return name;
    return shapedTex(transpose ? `${name}^{\\top}` : name, partShapeText(shape, columns.has(part), transpose, oriented));
  });
  return `${shapedTex(partial(graph, graph.output, input.index), input.shape)} = ${rhs}`;
}

// ---------------------------------------------------------------------------
// One contribution of a backward step, with its numbers.

export interface TensorContributionTex {
  /** The rule in matrix form, the shape under each factor. */
  readonly rule: string;
  /** The rule with the numbers as small matrices, `= ` the result; null when something is too large to write out. */
  readonly numbers: string | null;
  /** Softmax with cross-entropy: `P = \operatorname{softmax}(Z) = [...]`, the probabilities its rule subtracts T from. */
  readonly probabilities: string | null;
  /** Where the forward pass broadcast the input: the sum over the broadcast axes written out, or null. */
  readonly batchSum: string | null;
  /** The axes of the visited node's value the input was broadcast along (summed over). */
  readonly summed: readonly number[];
}

/** The contribution `k` of backward step `step`, or null when that is not a backward step. */
function contributionAt(trace: Trace, step: number, k: number) {
  const s = trace.steps[step];
  if (s?.kind !== 'backward') return null;
  const c = s.contributions[k];
  return c ? { s, c } : null;
}

/** ∂L/∂input = numbers of an op on whole tensors, from its vjpTex. */
function tensorOpNumbers(graph: Graph, index: number, slot: number, upstream: Tensor, amount: Tensor): string | null {
  const node = graph.nodes[index];
  const input = node.inputs[slot];
  const parts = partsOf(graph, index, upstream);
  const columns = columnParts(graph, index);
  let fits = fitsWritten(amount.shape);
  const rhs = renderVjp(graph, index, slot, (part, transpose) => {
    const { tensor } = parts(part);
    if (!tensor || !fitsWritten(tensor.shape)) {
      // Too large to write out: the line is dropped, so nothing is formatted.
      fits = false;
      return '';
    }
    return partNumbers(tensor, columns.has(part), transpose);
  });
  if (!fits) return null;
  if (OPS[node.op].rule === 'softmaxCrossEntropy' && slot === 0) return crossEntropyNumbers(graph, index, upstream, amount);
  return `${partial(graph, graph.output, input)} = ${rhs} = ${bmatrixTex(amount)}`;
}

/** `\frac{\partial L}{\partial Z} = \frac{1}{N}(P - T) = \frac{1}{2}\left([P] - [T]\right) = [...]`. */
function crossEntropyNumbers(graph: Graph, index: number, upstream: Tensor, amount: Tensor): string {
  const node = graph.nodes[index];
  const [z, t] = node.inputs.map((input) => graph.nodes[input]);
  const [rows] = rowsCols(z.shape);
  const g = upstream.data[0];
  const scale = g === 1 ? `\\frac{1}{${rows}}` : `\\frac{${texNumber(g)}}{${rows}}`;
  const p = softmaxRows(z.tensor);
  return `${partial(graph, graph.output, z.index)} = ${scale}\\left(P - ${nodeTexAtom(graph, t.index)}\\right) = ${scale}\\left(${bmatrixTex(p)} - ${bmatrixTex(t.tensor)}\\right) = ${bmatrixTex(amount)}`;
}

/** The sum of terms written out (`2.505 + 8.834`), the middle left out beyond five terms. */
function sumTermsTex(values: readonly number[]): string {
  const terms = values.map((v, i) => (i === 0 ? texNumber(v) : texFactor(v)));
  return (terms.length > 5 ? [terms[0], terms[1], '\\cdots', terms[terms.length - 1]] : terms).join(' + ');
}

/**
 * Where the forward pass broadcast the input (a bias added to every row), its
 * gradient is the sum over the broadcast axis, written out entry by entry:
 * `\frac{\partial L}{\partial b} = \sum_{n} \left(\frac{\partial L}{\partial Y}\right)_{n,:} = [g_{11} + g_{21} & …] = […]`.
 */
function batchSumTex(graph: Graph, index: number, slot: number, upstream: Tensor, amount: Tensor): string | null {
  const node = graph.nodes[index];
  const entry = OPS[node.op];
  const input = graph.nodes[node.inputs[slot]];
  const sum = broadcastSum(input.shape, node.shape);
  if (!sum || entry.kind !== 'elementwise') return null;
  const local = elementwiseLocal(graph, index, slot);
  const body = product(partial(graph, graph.output, index), local.tex, local.unit);
  const lhs = `${partial(graph, graph.output, input.index)} = ${sum.sum} \\left(${body}\\right)_{${sum.sub}}`;
  if (!fitsWritten(input.shape)) return `${lhs} = ${tensorValueTex(amount)}`;
  const inputs = node.inputs.map((i) => graph.nodes[i].tensor);
  const cells = Array.from(input.tensor.data, (_, element) => {
    // Each entry of the input reached these elements of the output; the engine sums g·local over them in this order.
    const terms = jacobianColumn(entry, inputs, node.tensor, slot, element, node.param);
    return sumTermsTex(terms.map((term) => (term.factor === 1 ? upstream.data[term.k] : upstream.data[term.k] * term.factor)));
  });
  return `${lhs} = ${cellsTex(input.shape, cells)} = ${tensorValueTex(amount)}`;
}

function elementwiseNumbers(graph: Graph, index: number, slot: number, upstream: Tensor, local: Tensor | null, amount: Tensor): string | null {
  const node = graph.nodes[index];
  const input = graph.nodes[node.inputs[slot]];
  if (!fitsWritten(node.shape) || !local) return null;
  const factor = elementwiseLocal(graph, index, slot);
  const broadcast = broadcastSum(input.shape, node.shape) !== null;
  const g = partial(graph, graph.output, index);
  const symbolic = product(g, factor.tex, factor.unit);
  const numeric = product(bmatrixTex(upstream), bmatrixTex(local), factor.unit);
  // Broadcast: the product before the sum (the batch sum line adds it up); else the gradient itself.
  const lhs = broadcast ? (factor.unit === 1 ? null : symbolic) : `${partial(graph, graph.output, input.index)} = ${symbolic}`;
  if (lhs === null) return null;
  const result = broadcast ? productTensor(upstream, local) : amount;
  return factor.unit === 1 ? `${lhs} = ${bmatrixTex(result)}` : `${lhs} = ${numeric} = ${bmatrixTex(result)}`;
}

/** g ⊙ local element by element, as the engine forms it before summing a broadcast input. */
function productTensor(g: Tensor, local: Tensor): Tensor {
  return { shape: g.shape, data: g.data.map((x, i) => local.data[i] * x) };
}

/** Everything the step panel writes for contribution `k` of backward step `step` at a tensor node. */
export function tensorContributionTex(graph: Graph, trace: Trace, step: number, k: number): TensorContributionTex | null {
  const at = contributionAt(trace, step, k);
  if (!at) return null;
  const { s, c } = at;
  const node = graph.nodes[s.node];
  const entry = OPS[node.op];
  const { upstream, amount, local, summed } = c.tensors;
  // An input with several consumers receives this as one term of its sum: +=.
  const relation = (line: string | null): string | null => (line && c.arrivals > 1 ? line.replace(' = ', ' \\mathrel{+}= ') : line);
  const rule = relation(matrixRuleTex(graph, s.node, c.slot)) as string;
  if (entry.kind === 'elementwise') {
    return {
      rule,
      numbers: relation(elementwiseNumbers(graph, s.node, c.slot, upstream, local, amount)),
      probabilities: null,
      batchSum: relation(batchSumTex(graph, s.node, c.slot, upstream, amount)),
      summed,
    };
  }
  const z = graph.nodes[node.inputs[0]];
  const probabilities =
    entry.rule === 'softmaxCrossEntropy' && c.slot === 0 && fitsWritten(z.shape)
      ? `P = \\operatorname{softmax}(${nodeTex(graph, z.index)}) = ${bmatrixTex(softmaxRows(z.tensor))}`
      : null;
  return { rule, numbers: relation(tensorOpNumbers(graph, s.node, c.slot, upstream, amount)), probabilities, batchSum: null, summed };
}

/**
 * The chain-rule line of a tensor contribution (what stepTex's chainRuleTex
 * writes for numbers): the batch sum, else the numbers, else the matrix rule,
 * with `+=` when the input receives several contributions.
 */
export function tensorChainRuleTex(graph: Graph, trace: Trace, step: number, k: number): string {
  const at = contributionAt(trace, step, k);
  const parts = tensorContributionTex(graph, trace, step, k);
  if (!at || !parts) return '';
  return parts.batchSum ?? parts.numbers ?? parts.rule;
}

// ---------------------------------------------------------------------------
// Accumulation and forward steps.

/**
 * The gradient of a tensor node as the running sum of what its consumers have
 * sent by `step`, each under the consumer it came from, a grey ? for those still
 * to come: `\frac{\partial L}{\partial Y} = \underbrace{[…]}_{Y \cdot Y} + \underbrace{[…]}_{Y \cdot Y} = […]`.
 */
export function tensorAccumulationTex(graph: Graph, trace: Trace, node: number, step: number): string | null {
  const all = graph.outEdges[node]
    .map((edge) => ({ edge, carried: edgeContribution(graph, trace, edge) }))
    .flatMap(({ edge, carried }) => (carried ? [{ step: carried.step, from: graph.edges[edge].to, amount: carried.contribution.tensors.amount }] : []))
    .sort((a, b) => a.step - b.step);
  const arrived = all.filter((c) => c.step <= step);
  if (arrived.length === 0) return null;
  const terms = all.map((c) =>
    c.step <= step ? `\\underbrace{${tensorValueTex(c.amount)}}_{${nodeTex(graph, c.from)}}` : `\\underbrace{\\color{gray}{?}}_{${nodeTex(graph, c.from)}}`,
  );
  // The engine's running sum after the last arrival, so the total is the node's gradient exactly.
  const k = trace.gradSteps[node].lastIndexOf(arrived[arrived.length - 1].step);
  const total = trace.gradTensors[node][k];
  return `${partial(graph, graph.output, node)} = ${terms.join(' + ')} = ${tensorValueTex(total)}`;
}

/**
 * A forward step making a tensor: the definition with the shape under each
 * operand (`\underset{2 \times 2}{Y} = \underset{2 \times 2}{X\,W} + \underset{2}{b}`), and,
 * when everything is small enough, with the numbers (`Y = X\,W + b = […] + […] = […]`).
 */
export function tensorForwardTex(graph: Graph, index: number): { shapes: string; numbers: string | null } {
  const node = graph.nodes[index];
  const shapes = `${shapedTex(nodeTex(graph, index), node.shape)} = ${opTexWrapped(graph, index, (tex, input) => shapedTex(tex, graph.nodes[input].shape))}`;
  const small = [index, ...node.inputs].every((i) => fitsWritten(graph.nodes[i].shape));
  const parts = node.label === null ? [opTex(graph, index)] : [nodeTex(graph, index), opTex(graph, index)];
  return { shapes, numbers: small ? [...parts, opTexWithNumbers(graph, index), bmatrixTex(node.tensor)].join(' = ') : null };
}

/** Every TeX line of a tensor step, in the order the panel shows them (for LaTeX export). */
export function tensorStepLines(graph: Graph, trace: Trace, step: number): string[] {
  const s = trace.steps[step];
  if (s?.kind === 'forward') {
    const { shapes, numbers } = tensorForwardTex(graph, s.node);
    return numbers ? [shapes, numbers] : [shapes];
  }
  if (s?.kind !== 'backward') return [];
  const lines: string[] = [];
  s.contributions.forEach((_, k) => {
    const parts = tensorContributionTex(graph, trace, step, k);
    if (!parts) return;
    lines.push(parts.rule);
    for (const line of [parts.probabilities, parts.numbers, parts.batchSum]) if (line) lines.push(line);
  });
  for (const to of new Set(s.contributions.filter((c) => c.arrivals > 1).map((c) => c.to))) {
    const tex = tensorAccumulationTex(graph, trace, to, step);
    if (tex) lines.push(tex);
  }
  return lines;
}
