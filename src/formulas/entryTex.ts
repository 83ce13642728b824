// One entry of a vector or matrix, as its own scalar formulas: how its value
// was computed (Y₁₂ = Σₖ X₁ₖ Wₖ₂ = …) and how its gradient sums what it reached
// (∂L/∂W₁₂ = Σₙ Xₙ₁ ∂L/∂Yₙ₂ = 1·7.2 + 4·16.2 = 72). The gradient is built from
// the consumer's Jacobian column (`jacobianColumn`): each term's factor and, for
// products, which element of the other input that factor is.
import { OPS, type Graph, type Trace } from '../engine';
import { jacobianColumn } from '../engine/ops/apply';
import type { JacobianTerm } from '../engine/ops/types';
import { broadcastIndex } from '../engine/tensor/broadcast';
import { rowsCols, type Shape } from '../engine/tensor/tensor';
import { gradIndexAt } from '../engine/trace';
import { applyOpTex, nodeTexAtom } from './nodeTex';
import { texFactor, texNumber } from './number';

/** The 0-based indices of element `element`: [i, j] of a matrix, [j] of a vector, [] of a number. */
export function entryIndices(shape: Shape, element: number): number[] {
  if (shape.length === 0) return [];
  if (shape.length === 1) return [element];
  return [Math.floor(element / shape[1]), element % shape[1]];
}

/** Subscript text of 1-based indices: `12`, or `1,12` once an index has two digits. */
function subscript(indices: readonly (number | string)[]): string {
  const parts = indices.map(String);
  return parts.some((p) => p.length > 1) ? parts.join(',') : parts.join('');
}

/** `12` for row 1, column 2 of a matrix; `3` for entry 3 of a vector (1-based, as students count). */
export function indexTex(shape: Shape, element: number): string {
  return subscript(entryIndices(shape, element).map((i) => i + 1));
}

/** A node's name ready to take a subscript: `W`, `{w_{1}}`, `{(X\,W)}`. */
function subscriptBase(graph: Graph, index: number): string {
  const tex = nodeTexAtom(graph, index);
  return /^([A-Za-z]|\\[A-Za-z]+)$/.test(tex) ? tex : `{${tex}}`;
}

/** `W_{12}`: an entry of a node; a number node is just its name. */
export function entryTex(graph: Graph, index: number, element: number): string {
  const node = graph.nodes[index];
  if (node.shape.length === 0) return nodeTexAtom(graph, index);
  return `${subscriptBase(graph, index)}_{${indexTex(node.shape, element)}}`;
}

/** `W_{n1}`: an entry with some indices left free (letters). */
function freeEntryTex(graph: Graph, index: number, indices: readonly (number | string)[]): string {
  return `${subscriptBase(graph, index)}_{${subscript(indices.map((i) => (typeof i === 'number' ? i + 1 : i)))}}`;
}

/** `\frac{\partial L}{\partial W_{12}}` */
export function entryGradTex(graph: Graph, index: number, element: number): string {
  return `\\frac{\\partial ${nodeTexAtom(graph, graph.output)}}{\\partial ${entryTex(graph, index, element)}}`;
}

/** Terms joined by +, the middle left out beyond five: `a + b + \cdots + z`. */
function joinTerms(terms: readonly string[]): string {
  return (terms.length > 5 ? [terms[0], terms[1], '\\cdots', terms[terms.length - 1]] : terms).join(' + ');
}

/** A number as an operand of an op's TeX: bracketed where a negative would be misread (`3 + (-2)`, not `\sin((-2))`). */
function numberOperand(op: keyof typeof OPS, slot: number, x: number): string {
  const entry = OPS[op];
  if (entry.texForm === 'function' || entry.texForm === 'frac') return texNumber(x);
  if (entry.texForm === 'power') return slot === 0 ? texFactor(x) : texNumber(x);
  if (entry.texForm === 'infix' && entry.precedence === 1 && slot === 0) return texNumber(x);
  return texFactor(x);
}

/** For an op on numbers: which element of each input output element `k` read (broadcasting). */
function readIndex(graph: Graph, index: number): (slot: number, k: number) => number {
  const node = graph.nodes[index];
  const maps = node.inputs.map((input) => broadcastIndex(graph.nodes[input].shape, node.shape));
  return (slot, k) => maps[slot]?.[k] ?? k;
}

/**
 * How entry `element` of node `index` was computed, with numbers, ending in its value:
 * `Y_{12} = \sum_{k} X_{1k} W_{k2} = X_{11} W_{12} + … = 1 \cdot 0.01207 + … = 3.734`.
 * Null for a number (it has no entries).
 */
export function entryValueTex(graph: Graph, index: number, element: number): string | null {
  const node = graph.nodes[index];
  if (node.shape.length === 0) return null;
  const lhs = entryTex(graph, index, element);
  const value = texNumber(node.tensor.data[element]);
  if (node.inputs.length === 0) return `${lhs} = ${value}`;
  const entry = OPS[node.op];
  const inputs = node.inputs.map((i) => graph.nodes[i]);
  if (entry.kind === 'elementwise') {
    const read = readIndex(graph, index);
    const param = node.param === null ? '' : texNumber(node.param);
    const symbolic = applyOpTex(node.op, inputs.map((input, slot) => entryTex(graph, input.index, read(slot, element))), param);
    const numbers = applyOpTex(node.op, inputs.map((input, slot) => numberOperand(node.op, slot, input.tensor.data[read(slot, element)])), param);
    return `${lhs} = ${symbolic} = ${numbers} = ${value}`;
  }
  switch (entry.rule) {
    case 'matmul': {
      const [a, b] = inputs;
      const [, k] = a.shape.length === 2 ? a.shape : [1, a.shape[0]];
      const c = b.shape.length === 2 ? b.shape[1] : 1;
      const i = Math.floor(element / c);
      const j = element % c;
      const aAt = (p: number) => (a.shape.length === 2 ? i * k + p : p);
      const bAt = (p: number) => (b.shape.length === 2 ? p * c + j : p);
      const aFree = a.shape.length === 2 ? [i, 'k'] : ['k'];
      const bFree = b.shape.length === 2 ? ['k', j] : ['k'];
      const ps = Array.from({ length: k }, (_, p) => p);
      const sigma = `\\sum_{k} ${freeEntryTex(graph, a.index, aFree)}\\,${freeEntryTex(graph, b.index, bFree)}`;
      const names = joinTerms(ps.map((p) => `${entryTex(graph, a.index, aAt(p))}\\,${entryTex(graph, b.index, bAt(p))}`));
      const numbers = joinTerms(ps.map((p) => `${texFactor(a.tensor.data[aAt(p)])} \\cdot ${texFactor(b.tensor.data[bAt(p)])}`));
      return `${lhs} = ${sigma} = ${names} = ${numbers} = ${value}`;
    }
    case 'sums':
    case 'averages': {
      // Only a reduction along an axis of a matrix makes a vector; its entry gathers a column (axis 0) or a row (axis 1).
      const [a] = inputs;
      const [r, c] = rowsCols(a.shape);
      const cells = node.param === 0 ? Array.from({ length: r }, (_, i) => i * c + element) : Array.from({ length: c }, (_, j) => element * c + j);
      const free = node.param === 0 ? ['i', element] : [element, 'j'];
      const count = cells.length;
      const scale = entry.rule === 'averages' ? `\\frac{1}{${count}}` : '';
      const wrap = (s: string) => (scale ? `${scale}\\left(${s}\\right)` : s);
      const sigma = `${scale}\\sum_{${node.param === 0 ? 'i' : 'j'}} ${freeEntryTex(graph, a.index, free)}`;
      const names = wrap(joinTerms(cells.map((e) => entryTex(graph, a.index, e))));
      const numbers = wrap(joinTerms(cells.map((e, n) => (n === 0 ? texNumber(a.tensor.data[e]) : texFactor(a.tensor.data[e])))));
      return `${lhs} = ${sigma} = ${names} = ${numbers} = ${value}`;
    }
    case 'transposes': {
      const [a] = inputs;
      const [i, j] = entryIndices(node.shape, element);
      const source = j * a.shape[1] + i;
      return `${lhs} = ${entryTex(graph, a.index, source)} = ${value}`;
    }
    case 'softmax': {
      const [z] = inputs;
      const [, c] = rowsCols(z.shape);
      const row = Math.floor(element / c);
      const cells = Array.from({ length: c }, (_, m) => row * c + m);
      const free = z.shape.length === 2 ? [row, 'm'] : ['m'];
      const sigma = `\\frac{e^{${entryTex(graph, z.index, element)}}}{\\sum_{m} e^{${freeEntryTex(graph, z.index, free)}}}`;
      const numbers = `\\frac{e^{${texNumber(z.tensor.data[element])}}}{${joinTerms(cells.map((e) => `e^{${texNumber(z.tensor.data[e])}}`))}}`;
      return `${lhs} = ${sigma} = ${numbers} = ${value}`;
    }
    default:
      return `${lhs} = ${value}`;
  }
}

/** One consumer's part of an entry's gradient, as its scalar chain rule. */
export interface EntryContribution {
  /** The consumer that sent it, along which edge, and the step it arrived at. */
  readonly consumer: number;
  readonly edge: number;
  readonly step: number;
  /** `\frac{\partial L}{\partial W_{12}} = \sum_{n} … = … = 64.82` */
  readonly tex: string;
  /** The number this consumer sent to the entry (the engine's). */
  readonly amount: number;
}

/** The factor ∂y_k/∂x_e of one Jacobian term in TeX, or null when it is 1 (nothing to write). */
function factorTex(graph: Graph, consumer: number, slot: number, element: number, term: JacobianTerm): string | null {
  const node = graph.nodes[consumer];
  const entry = OPS[node.op];
  if (term.operand) return entryTex(graph, node.inputs[term.operand.slot], term.operand.element);
  if (entry.kind === 'elementwise') {
    const read = readIndex(graph, consumer);
    const atoms = node.inputs.map((input, s) => entryTex(graph, input, read(s, term.k)));
    if (node.param !== null && node.inputs.length === 1) atoms.push(texFactor(node.param));
    const tex = entry.derivativeTex({ atoms, plain: atoms, param: node.param, shapes: node.inputs.map(() => []) }, slot);
    return tex === '1' ? null : tex;
  }
  const input = node.inputs[slot];
  switch (entry.rule) {
    case 'sums':
    case 'transposes':
      return null;
    case 'averages':
      return `\\frac{1}{${Math.round(1 / term.factor)}}`;
    case 'softmaxCrossEntropy': {
      const [rows] = rowsCols(graph.nodes[input].shape);
      const target = entryTex(graph, node.inputs[1], element);
      const p = `(\\operatorname{softmax} ${subscriptBase(graph, node.inputs[0])})_{${indexTex(graph.nodes[input].shape, element)}}`;
      return slot === 0 ? `\\frac{${p} - ${target}}{${rows}}` : `-\\frac{\\log ${p}}{${rows}}`;
    }
    default:
      return `\\frac{\\partial ${entryTex(graph, consumer, term.k)}}{\\partial ${entryTex(graph, input, element)}}`;
  }
}

/** The Σ form of a matrix product's gradient entry: `\sum_{n} X_{n1}\,\frac{\partial L}{\partial Y_{n2}}`. */
function matmulSigma(graph: Graph, consumer: number, slot: number, element: number): string | null {
  const node = graph.nodes[consumer];
  const [a, b] = node.inputs.map((i) => graph.nodes[i]);
  if (a.shape.length !== 2 || b.shape.length !== 2 || node.index === graph.output) return null;
  const L = nodeTexAtom(graph, graph.output);
  const g = (indices: (number | string)[]) => `\\frac{\\partial ${L}}{\\partial ${freeEntryTex(graph, consumer, indices)}}`;
  const [x, y] = entryIndices(graph.nodes[node.inputs[slot]].shape, element);
  // ∂L/∂A_ip = Σ_m ∂L/∂C_im B_pm; ∂L/∂B_pj = Σ_n A_np ∂L/∂C_nj.
  return slot === 0 ? `\\sum_{m} ${g([x, 'm'])}\\,${freeEntryTex(graph, b.index, [y, 'm'])}` : `\\sum_{n} ${freeEntryTex(graph, a.index, ['n', x])}\\,${g(['n', y])}`;
}

/** The chain rule for entry `element` of node `index` through one consumer edge. */
function throughConsumer(graph: Graph, trace: Trace, index: number, element: number, edgeIndex: number): EntryContribution | null {
  const edge = graph.edges[edgeIndex];
  const consumer = graph.nodes[edge.to];
  const visit = trace.visitStep[edge.to];
  const s = trace.steps[visit];
  if (s?.kind !== 'backward') return null;
  const contribution = s.contributions.find((c) => c.edge === edgeIndex);
  if (!contribution) return null;
  const entry = OPS[consumer.op];
  const inputs = consumer.inputs.map((i) => graph.nodes[i].tensor);
  const terms = jacobianColumn(entry, inputs, consumer.tensor, edge.slot, element, consumer.param);
  const atOutput = edge.to === graph.output;
  const L = nodeTexAtom(graph, graph.output);
  const g = s.gradTensor;
  const names: string[] = [];
  const numbers: string[] = [];
  for (const term of terms) {
    const gName = atOutput ? null : `\\frac{\\partial ${L}}{\\partial ${entryTex(graph, edge.to, term.k)}}`;
    const gValue = g.data[term.k];
    const factor = factorTex(graph, edge.to, edge.slot, element, term);
    const negated = factor === '-1';
    // A factor from an input to the left of this one is written first: X_{n1} ∂L/∂Y_{n2}.
    const factorFirst = term.operand !== undefined && term.operand.slot < edge.slot;
    const pair = (f: string | null, gv: string | null, join: string) =>
      [factorFirst ? f : gv, factorFirst ? gv : f].filter((x): x is string => x !== null).join(join) || '1';
    if (negated) {
      names.push(`-${gName ?? '1'}`);
      numbers.push(`-${texFactor(gValue)}`);
    } else {
      names.push(pair(factor, gName, '\\,'));
      numbers.push(pair(factor === null ? null : texFactor(term.factor), atOutput ? null : texFactor(gValue), ' \\cdot '));
    }
  }
  const lhs = entryGradTex(graph, index, element);
  const relation = graph.outEdges[index].length > 1 ? '\\mathrel{+}=' : '=';
  const sigma = entry.rule === 'matmul' ? matmulSigma(graph, edge.to, edge.slot, element) : null;
  const amount = contribution.tensors.amount.data[element];
  const chain = [sigma, joinTerms(names), joinTerms(numbers)].filter((x): x is string => x !== null);
  // A single term that is just the number it sends says nothing twice.
  const unique = chain.filter((x, i) => chain.indexOf(x) === i && x !== texNumber(amount));
  return { consumer: edge.to, edge: edgeIndex, step: visit, tex: `${lhs} ${relation} ${[...unique, texNumber(amount)].join(' = ')}`, amount };
}

/** What entry `element` of node `index` has received by `step`: one chain rule per consumer, and the sum so far. */
export function entryGradient(
  graph: Graph,
  trace: Trace,
  index: number,
  element: number,
  step: number,
): { readonly contributions: readonly EntryContribution[]; readonly pending: number; readonly total: string | null; readonly final: boolean } {
  const contributions: EntryContribution[] = [];
  let pending = 0;
  for (const edgeIndex of graph.outEdges[index]) {
    const visit = trace.visitStep[graph.edges[edgeIndex].to];
    const found = visit >= 0 && visit <= step ? throughConsumer(graph, trace, index, element, edgeIndex) : null;
    if (found) contributions.push(found);
    else pending += 1;
  }
  contributions.sort((a, b) => a.step - b.step);
  const k = gradIndexAt(trace, index, step);
  const final = trace.finalStep[index] >= 0 && step >= trace.finalStep[index];
  let total: string | null = null;
  if (contributions.length > 1 && k >= 0) {
    const sum = contributions.map((c, i) => (i === 0 ? texNumber(c.amount) : texFactor(c.amount))).join(' + ');
    total = `${entryGradTex(graph, index, element)} = ${sum} = ${texNumber(trace.gradTensors[index][k].data[element])}`;
  }
  return { contributions, pending, total, final };
}
