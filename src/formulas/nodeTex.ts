// TeX for nodes: a node's name, and the right-hand side of its definition in
// terms of its inputs (symbolic or with numbers filled in). How each op is
// written comes from its registry entry; this file decides the brackets.
import { OPS, type Graph, type OpName } from '../engine';
import { nodeNameTex } from '../engine/names';
import { texFactor, texNumber } from './number';
import { tensorValueTex } from './matrixTex';

/** Longest TeX written out for an anonymous sub-expression before it is called v_k. */
export const MAX_INLINE = 96;
/** Deepest anonymous nesting written out; deeper sub-expressions are called v_k. */
export const MAX_DEPTH = 3;

/** The right-hand side of `op` applied to operand TeX `args` (bracketed already) and its folded constant. */
export function applyOpTex(op: OpName, args: readonly string[], param = ''): string {
  return OPS[op].tex(args, param);
}

/** Whether operand `slot` of `parent` needs brackets around a child with operator `child`. */
function needsBrackets(parent: OpName, slot: number, child: OpName): boolean {
  const p = OPS[parent];
  const c = OPS[child].precedence;
  switch (p.texForm) {
    case 'frac':
    case 'function':
    case 'leaf':
      return false; // \frac and f(·) group already
    case 'power':
      return slot === 0 && c < 5;
    case 'prefix':
      return c <= p.precedence;
    case 'infix':
      // a − (b − c): the right side of a subtraction needs brackets at equal precedence.
      return parent === 'sub' && slot === 1 ? c <= p.precedence : c < p.precedence;
  }
}

/** `v_{k}`: the name given to an anonymous node too long or deep to write out. */
const isPlaceholder = (tex: string): boolean => /^v_\{\d+\}$/.test(tex);

/** Whether a negative number in operand `slot` of `parent` needs brackets: `x \cdot (-3)`, not `x + -3`. */
function bracketsNegative(parent: OpName, slot: number): boolean {
  const p = OPS[parent];
  if (p.texForm === 'frac' || p.texForm === 'function') return false; // \frac and f(·) group already
  if (p.texForm === 'power') return slot === 0; // an exponent is raised: {3}^{-2}
  return !(p.texForm === 'infix' && p.precedence === 1 && slot === 0);
}

/** The TeX `tex` of input node `input`, bracketed as operand `slot` of `parent` requires. */
function operand(graph: Graph, parent: OpName, slot: number, input: number, tex: string): string {
  const child = graph.nodes[input];
  if (child.label !== null || isPlaceholder(tex)) return tex;
  if (child.op === 'const') return child.shape.length === 0 && child.value < 0 && bracketsNegative(parent, slot) ? texFactor(child.value) : tex;
  return needsBrackets(parent, slot, child.op) ? `(${tex})` : tex;
}

/** A constant: its number, or its vector or matrix. */
function constTex(graph: Graph, index: number): string {
  const node = graph.nodes[index];
  return node.shape.length === 0 ? texNumber(node.value) : tensorValueTex(node.tensor);
}

function expressionTex(graph: Graph, index: number, depth: number): string {
  const node = graph.nodes[index];
  // a named node: its display label as written, or its name with its version (`{c}''`)
  if (node.label !== null) return nodeNameTex(node) as string;
  if (node.op === 'const') return constTex(graph, index);
  if (depth > MAX_DEPTH) return `v_{${index}}`;
  const args = node.inputs.map((input, slot) => operand(graph, node.op, slot, input, expressionTex(graph, input, depth + 1)));
  return applyOpTex(node.op, args, paramTex(graph, index));
}

/** A node's name in TeX: `x`, `w_{1}`, `{c}'`, `\text{x1*w1}`, `3`, or for an anonymous node its expression (`x \cdot 3`). */
export function nodeTex(graph: Graph, index: number): string {
  const tex = expressionTex(graph, index, 0);
  return tex.length > MAX_INLINE ? `v_{${index}}` : tex;
}

/** `nodeTex`, bracketed when it is a compound expression (for use inside \partial). */
export function nodeTexAtom(graph: Graph, index: number): string {
  const node = graph.nodes[index];
  const tex = nodeTex(graph, index);
  if (node.op === 'const') return node.shape.length === 0 ? texFactor(node.value) : tex;
  return node.label === null && !isPlaceholder(tex) ? `(${tex})` : tex;
}

/** The definition of a node in terms of its inputs' names: `x + y`. */
export function opTex(graph: Graph, index: number): string {
  const node = graph.nodes[index];
  const args = node.inputs.map((input, slot) => operand(graph, node.op, slot, input, nodeTex(graph, input)));
  return applyOpTex(node.op, args, paramTex(graph, index));
}

/**
 * The definition with each operand's TeX passed through `wrap` after bracketing
 * (e.g. to write its shape under it: `\underset{2 \times 3}{X}\,\underset{3 \times 2}{W}`).
 */
export function opTexWrapped(graph: Graph, index: number, wrap: (tex: string, input: number, slot: number) => string): string {
  const node = graph.nodes[index];
  const args = node.inputs.map((input, slot) => wrap(operand(graph, node.op, slot, input, nodeTex(graph, input)), input, slot));
  return applyOpTex(node.op, args, paramTex(graph, index));
}

/** The folded constant of a node (the exponent of `x ^ 2`, the axis of `sum(A, 0)`), or '' when there is none. */
function paramTex(graph: Graph, index: number): string {
  const param = graph.nodes[index].param;
  return param === null ? '' : texNumber(param);
}

/** The same with the input values substituted: `-2 + 5`, `3 \cdot (-4)`; vectors and matrices written out when small. */
export function opTexWithNumbers(graph: Graph, index: number): string {
  const node = graph.nodes[index];
  const args = node.inputs.map((input, slot) => {
    const child = graph.nodes[input];
    if (child.shape.length > 0) return tensorValueTex(child.tensor);
    return bracketsNegative(node.op, slot) ? texFactor(child.value) : texNumber(child.value);
  });
  return applyOpTex(node.op, args, paramTex(graph, index));
}
