// TeX for nodes: a node's name, and the right-hand side of its definition in
// terms of its inputs (symbolic or with numbers filled in).
import type { Graph, OpName } from '../engine';
import { displayTex } from '../engine/names';
import { texFactor, texNumber } from './number';

/** Longest TeX written out for an anonymous sub-expression before it is called v_k. */
export const MAX_INLINE = 96;
/** Deepest anonymous nesting written out; deeper sub-expressions are called v_k. */
export const MAX_DEPTH = 3;

const PRECEDENCE: Partial<Record<OpName, number>> = { add: 1, sub: 1, mul: 2, div: 3, neg: 2, pow: 4 };
const precedence = (op: OpName): number => PRECEDENCE[op] ?? 5;

/** The right-hand side of `op` applied to operand TeX `a`, `b` (already bracketed where needed). */
export function applyOpTex(op: OpName, a: string, b: string): string {
  switch (op) {
    case 'add':
      return `${a} + ${b}`;
    case 'sub':
      return `${a} - ${b}`;
    case 'mul':
      return `${a} \\cdot ${b}`;
    case 'div':
      return `\\frac{${a}}{${b}}`;
    case 'neg':
      return `-${a}`;
    case 'pow':
      return `{${a}}^{${b}}`;
    case 'exp':
      return `e^{${a}}`;
    case 'log':
      return `\\ln(${a})`;
    case 'sqrt':
      return `\\sqrt{${a}}`;
    case 'tanh':
      return `\\tanh(${a})`;
    case 'sigmoid':
      return `\\sigma(${a})`;
    case 'relu':
      return `\\mathrm{ReLU}(${a})`;
    case 'sin':
      return `\\sin(${a})`;
    case 'cos':
      return `\\cos(${a})`;
    case 'abs':
      return `\\left|${a}\\right|`;
    case 'max':
      return `\\max(${a}, ${b})`;
    case 'min':
      return `\\min(${a}, ${b})`;
    case 'input':
    case 'const':
      return a;
  }
}

/** Whether operand `slot` of `parent` needs brackets around a child with operator `child`. */
function needsBrackets(parent: OpName, slot: number, child: OpName): boolean {
  if (parent === 'div' || precedence(parent) === 5) return false; // \frac and f(·) group already
  const p = precedence(parent);
  const c = precedence(child);
  if (parent === 'pow') return slot === 0 ? c < 5 : false;
  if (parent === 'sub' && slot === 1) return c <= 1;
  if (parent === 'neg') return c <= 2;
  return c < p;
}

/** `v_{k}`: the name given to an anonymous node too long or deep to write out. */
const isPlaceholder = (tex: string): boolean => /^v_\{\d+\}$/.test(tex);

/** Whether a negative number in operand `slot` of `parent` needs brackets: `x \cdot (-3)`, not `x + -3`. */
function bracketsNegative(parent: OpName, slot: number): boolean {
  if (parent === 'div' || precedence(parent) === 5) return false; // \frac and f(·) group already
  if (parent === 'pow') return slot === 0; // an exponent is raised: {3}^{-2}
  return !((parent === 'add' || parent === 'sub') && slot === 0);
}

/** The TeX `tex` of input node `input`, bracketed as operand `slot` of `parent` requires. */
function operand(graph: Graph, parent: OpName, slot: number, input: number, tex: string): string {
  const child = graph.nodes[input];
  if (child.label !== null || isPlaceholder(tex)) return tex;
  if (child.op === 'const') return child.value < 0 && bracketsNegative(parent, slot) ? texFactor(child.value) : tex;
  return needsBrackets(parent, slot, child.op) ? `(${tex})` : tex;
}

function expressionTex(graph: Graph, index: number, depth: number): string {
  const node = graph.nodes[index];
  if (node.label !== null) return displayTex(node.label);
  if (node.op === 'const') return texNumber(node.value);
  if (depth > MAX_DEPTH) return `v_{${index}}`;
  const [a, b] = node.inputs.map((input, slot) => operand(graph, node.op, slot, input, expressionTex(graph, input, depth + 1)));
  return applyOpTex(node.op, a ?? '', b ?? paramTex(graph, index));
}

/** A node's name in TeX: `x`, `w_{1}`, `3`, or for an anonymous node its expression (`x \cdot 3`). */
export function nodeTex(graph: Graph, index: number): string {
  const tex = expressionTex(graph, index, 0);
  return tex.length > MAX_INLINE ? `v_{${index}}` : tex;
}

/** `nodeTex`, bracketed when it is a compound expression (for use inside \partial). */
export function nodeTexAtom(graph: Graph, index: number): string {
  const node = graph.nodes[index];
  const tex = nodeTex(graph, index);
  if (node.op === 'const') return texFactor(node.value);
  return node.label === null && !isPlaceholder(tex) ? `(${tex})` : tex;
}

/** The definition of a node in terms of its inputs' names: `x + y`. */
export function opTex(graph: Graph, index: number): string {
  const node = graph.nodes[index];
  const [a, b] = node.inputs.map((input, slot) => operand(graph, node.op, slot, input, nodeTex(graph, input)));
  return applyOpTex(node.op, a ?? '', b ?? paramTex(graph, index));
}

/** The folded constant of a node (the exponent of `x ^ 2`), or '' when there is none. */
function paramTex(graph: Graph, index: number): string {
  const param = graph.nodes[index].param;
  return param === null ? '' : texNumber(param);
}

/** The same with the input values substituted: `-2 + 5`, `3 \cdot (-4)`. */
export function opTexWithNumbers(graph: Graph, index: number): string {
  const node = graph.nodes[index];
  const [a, b] = node.inputs.map((input, slot) => {
    const value = graph.nodes[input].value;
    return bracketsNegative(node.op, slot) ? texFactor(value) : texNumber(value);
  });
  return applyOpTex(node.op, a ?? '', b ?? paramTex(graph, index));
}
