// The local derivative ∂(node)/∂(input in slot) in TeX, in terms of the
// inputs' names — the rule each op applies during the backward pass. The
// rule itself is written by the op's registry entry.
import { OPS, type Graph, type TexOperands } from '../engine';
import { nodeTex, nodeTexAtom } from './nodeTex';
import { texFactor } from './number';

/** The operands of node `index` as its entry needs them: bracketed, plain, the folded constant, the shapes. */
export function texOperands(graph: Graph, index: number): TexOperands {
  const node = graph.nodes[index];
  const atoms = node.inputs.map((input) => nodeTexAtom(graph, input));
  if (node.param !== null && node.inputs.length === 1) atoms.push(texFactor(node.param));
  return {
    atoms,
    plain: node.inputs.map((input) => nodeTex(graph, input)),
    param: node.param,
    shapes: node.inputs.map((input) => graph.nodes[input].shape),
  };
}

/**
 * The local derivative of node `index` with respect to its input in `slot`, in
 * terms of the inputs' names. For ops on whole vectors and matrices, the
 * vector-Jacobian product in matrix form, in terms of `g` (∂L/∂node).
 */
export function localDerivativeTex(graph: Graph, index: number, slot: number, g = '\\frac{\\partial L}{\\partial o}'): string {
  const node = graph.nodes[index];
  const entry = OPS[node.op];
  switch (entry.kind) {
    case 'leaf':
      return '0';
    case 'elementwise':
      return entry.derivativeTex(texOperands(graph, index), slot);
    case 'tensor':
      return entry.vjpTex(texOperands(graph, index), slot, g, nodeTexAtom(graph, index));
  }
}
