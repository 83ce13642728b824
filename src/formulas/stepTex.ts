// The TeX shown for each step: the forward computation, the seed, the local
// rule, the chain-rule line with numbers, and the running sum at a node that
// receives several contributions.
import type { Contribution, Graph, Step, Trace } from '../engine';
import { edgeContribution, localDerivatives } from '../engine/trace';
import { localDerivativeTex } from './localTex';
import { nodeTex, nodeTexAtom, opTex, opTexWithNumbers } from './nodeTex';
import { texFactor, texNumber, texWhole } from './number';
import { isTensorNode, matrixRuleTex, tensorAccumulationTex, tensorChainRuleTex, tensorForwardTex } from './tensorTex';

/** Whether node `index` is a literal constant (the 3 in `3 * s`): drawn and traced, but not a variable. */
export function isConstant(graph: Graph, index: number): boolean {
  return graph.nodes[index].op === 'const';
}

/**
 * The contributions of a backward step that reach a variable, each with its
 * position `k` in the step (for chainRuleTex). Those to literal constants are
 * left out: no line ever reads ∂y/∂3, as if a 3 could change.
 */
export function variableContributions(graph: Graph, step: Step | undefined): { c: Contribution; k: number }[] {
  if (step?.kind !== 'backward') return [];
  return step.contributions.flatMap((c, k) => (isConstant(graph, c.to) ? [] : [{ c, k }]));
}

/** `\frac{\partial f}{\partial x}` */
export function partialTex(graph: Graph, of: number, wrt: number): string {
  return `\\frac{\\partial ${nodeTexAtom(graph, of)}}{\\partial ${nodeTexAtom(graph, wrt)}}`;
}

/** `q = x + y = -2 + 5 = 3` (an anonymous node is not named twice). */
export function forwardTex(graph: Graph, index: number): string {
  const node = graph.nodes[index];
  if (node.shape.length > 0) {
    // A vector or matrix: its numbers when small, else its definition with the shapes.
    const { shapes, numbers } = tensorForwardTex(graph, index);
    return numbers ?? shapes;
  }
  const value = texNumber(node.value);
  const parts = node.label === null ? [opTex(graph, index)] : [nodeTex(graph, index), opTex(graph, index)];
  return [...parts, opTexWithNumbers(graph, index), value].join(' = ');
}

/** `\frac{\partial f}{\partial f} = 1`: the backward pass starts here. */
export function seedTex(graph: Graph): string {
  return `${partialTex(graph, graph.output, graph.output)} = 1`;
}

/** `symbolic = numeric`, or just the number when the rule is that number already (`1`, `(-3)`). */
function ruleWithValue(symbolic: string, value: number): string {
  const numeric = texNumber(value);
  if (symbolic === numeric || symbolic === `(${numeric})`) return numeric;
  // A rule with operators in it stays whole: a narrow panel breaks the line at an = only.
  return `${texWhole(symbolic)} = ${numeric}`;
}

/**
 * `\frac{\partial f}{\partial q} = z = -4`: the local derivative of node `index`
 * with respect to its input in `slot`, symbolic then numeric. `local` defaults
 * to the value the engine computes.
 */
export function localRuleTex(graph: Graph, index: number, slot: number, local?: number): string {
  // At a vector or matrix node the local rule is a product of matrices, written with their shapes.
  if (isTensorNode(graph, index)) return matrixRuleTex(graph, index, slot);
  const input = graph.nodes[index].inputs[slot];
  const value = local ?? localDerivatives(graph, index)[slot];
  return `${partialTex(graph, index, input)} = ${ruleWithValue(localDerivativeTex(graph, index, slot), value)}`;
}

/**
 * The chain rule for contribution k of backward step `step`:
 * `\frac{\partial f}{\partial x} = \frac{\partial f}{\partial q}\cdot\frac{\partial q}{\partial x} = (-4)\cdot 1 = -4`.
 * When the input receives several contributions this one is added (`+=`).
 */
export function chainRuleTex(graph: Graph, trace: Trace, step: number, k: number): string {
  const s = trace.steps[step];
  if (s?.kind !== 'backward') return '';
  if (isTensorNode(graph, s.node)) return tensorChainRuleTex(graph, trace, step, k);
  const c = s.contributions[k];
  const out = graph.output;
  const lhs = partialTex(graph, out, c.to);
  const relation = c.arrivals > 1 ? '\\mathrel{+}=' : '=';
  const local = partialTex(graph, s.node, c.to);
  if (s.node === out) {
    // At the output ∂f/∂f = 1, so the chain is the local rule itself.
    return `${lhs} ${relation} ${ruleWithValue(localDerivativeTex(graph, s.node, c.slot), c.amount)}`;
  }
  const chain = `${partialTex(graph, out, s.node)} \\cdot ${local}`;
  return `${lhs} ${relation} ${chain} = ${texFactor(c.upstream)} \\cdot ${texFactor(c.local)} = ${texNumber(c.amount)}`;
}

/** One contribution to a node's gradient: the backward step it arrived at, the consumer it came from, how much. */
export interface Arrival {
  readonly step: number;
  readonly from: number;
  readonly amount: number;
}

/** Every contribution `node` receives, in the order they arrive. */
export function contributionsTo(graph: Graph, trace: Trace, node: number): Arrival[] {
  const found: Arrival[] = [];
  for (const edgeIndex of graph.outEdges[node]) {
    const carried = edgeContribution(graph, trace, edgeIndex);
    if (carried) found.push({ step: carried.step, from: graph.edges[edgeIndex].to, amount: carried.contribution.amount });
  }
  return found.sort((a, b) => a.step - b.step);
}

/** A running sum with more parts than this writes the middle ones as one ⋯ with their count. */
export const SUM_TERMS_SHOWN = 7;

/** The words under a ⋯ that stands for `count` parts of a sum (plain text; the page passes its language's). */
export type MoreTerms = (count: number) => string;
const MORE_TERMS_EN: MoreTerms = (count) => `${count} more`;

/**
 * Which parts of a sum of `all` parts, `arrived` of them in, are written out:
 * the first, the last two that arrived, the next to come and the last. The
 * rest are runs between them, each all arrived or all still to come.
 */
export function shownTerms(all: number, arrived: number): number[] {
  if (all <= SUM_TERMS_SHOWN) return Array.from({ length: all }, (_, i) => i);
  const keep = new Set([0, arrived - 2, arrived - 1, arrived, all - 1].filter((i) => i >= 0 && i < all));
  return [...keep].sort((a, b) => a - b);
}

/**
 * The gradient of `node` as a visible sum of the contributions that have
 * arrived by `step`, each labelled with the consumer it came from:
 * `\frac{\partial f}{\partial x} = \underbrace{6}_{b} + \underbrace{8}_{a} = 14`.
 * A node with many consumers (a weight read at every step of a chain) has its
 * middle parts written as `\underbrace{\cdots}_{\text{97 more}}`; the total
 * is the engine's whatever is shown. Null before anything has arrived (and
 * for the output, whose 1 is the seed).
 */
export function accumulationTex(graph: Graph, trace: Trace, node: number, step: number, more: MoreTerms = MORE_TERMS_EN): string | null {
  if (graph.nodes[node].shape.length > 0) return tensorAccumulationTex(graph, trace, node, step);
  const all = contributionsTo(graph, trace, node);
  const arrivedCount = all.filter((c) => c.step <= step).length;
  if (arrivedCount === 0) return null;
  // Contributions still to come are shown as a grey ? under the consumer that will send them.
  const term = (i: number) => {
    const c = all[i];
    return c.step <= step
      ? `\\underbrace{${i === 0 ? texNumber(c.amount) : texFactor(c.amount)}}_{${nodeTex(graph, c.from)}}`
      : `\\underbrace{\\color{gray}{?}}_{${nodeTex(graph, c.from)}}`;
  };
  const terms: string[] = [];
  let previous = -1;
  for (const i of shownTerms(all.length, arrivedCount)) {
    const skipped = i - previous - 1;
    if (skipped > 0) {
      const dots = previous + 1 < arrivedCount ? '\\cdots' : '\\color{gray}{\\cdots}';
      terms.push(`\\underbrace{${dots}}_{\\text{${texText(more(skipped))}}}`);
    }
    terms.push(term(i));
    previous = i;
  }
  // The engine's running sum, added in the same order, so the total matches the node's gradient exactly.
  const last = all[arrivedCount - 1];
  const k = trace.gradSteps[node].lastIndexOf(last.step);
  const total = k >= 0 ? trace.gradValues[node][k] : all.slice(0, arrivedCount).reduce((acc, c) => acc + c.amount, 0);
  return `${partialTex(graph, graph.output, node)} = ${terms.join(' + ')} = ${texNumber(total)}`;
}

/** Plain words made safe inside `\text{}`. */
function texText(words: string): string {
  return words.replace(/[\\{}$&#^_%~]/g, ' ');
}
