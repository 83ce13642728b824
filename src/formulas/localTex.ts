// The local derivative ∂(node)/∂(input in slot) in TeX, in terms of the
// inputs' names — the rule each op applies during the backward pass.
import type { Graph } from '../engine';
import { nodeTex, nodeTexAtom } from './nodeTex';
import { texFactor, texNumber } from './number';

/** d/da of a^p for a constant p: `3 \cdot {x}^{2}`, `2 \cdot x`, `1`, `0`. */
function powerRuleTex(a: string, p: number): string {
  if (p === 0) return '0';
  if (p === 1) return '1';
  const power = p === 2 ? a : `{${a}}^{${texNumber(p - 1)}}`;
  return `${texFactor(p)} \\cdot ${power}`;
}

/** The local derivative of node `index` with respect to its input in `slot`, in terms of the inputs' names. */
export function localDerivativeTex(graph: Graph, index: number, slot: number): string {
  const node = graph.nodes[index];
  const a = node.inputs[0] === undefined ? '' : nodeTexAtom(graph, node.inputs[0]);
  const b =
    node.inputs[1] !== undefined ? nodeTexAtom(graph, node.inputs[1]) : node.param !== null ? texFactor(node.param) : '';
  switch (node.op) {
    case 'add':
      return '1';
    case 'sub':
      return slot === 0 ? '1' : '-1';
    case 'mul':
      return slot === 0 ? b : a; // multiply swaps: each input gets the other one
    case 'div':
      // Inside \frac the bar groups: no brackets needed around the numerator or a lone denominator.
      return slot === 0
        ? `\\frac{1}{${nodeTex(graph, node.inputs[1])}}`
        : `-\\frac{${nodeTex(graph, node.inputs[0])}}{{${b}}^{2}}`;
    case 'neg':
      return '-1';
    case 'pow':
      if (node.param !== null) return powerRuleTex(a, node.param);
      return slot === 0 ? `${b} \\cdot {${a}}^{${b} - 1}` : `{${a}}^{${b}} \\ln ${a}`;
    case 'exp':
      return `e^{${a}}`;
    case 'log':
      return `\\frac{1}{${nodeTex(graph, node.inputs[0])}}`;
    case 'sqrt':
      return `\\frac{1}{2\\sqrt{${nodeTex(graph, node.inputs[0])}}}`;
    case 'tanh':
      return `1 - \\tanh^{2}(${a})`;
    case 'sigmoid':
      return `\\sigma(${a})\\,(1 - \\sigma(${a}))`;
    case 'relu':
      return `[${a} > 0]`;
    case 'sin':
      return `\\cos(${a})`;
    case 'cos':
      return `-\\sin(${a})`;
    case 'abs':
      return `\\operatorname{sign}(${a})`;
    case 'max':
      return slot === 0 ? `[${a} \\ge ${b}]` : `[${b} > ${a}]`;
    case 'min':
      return slot === 0 ? `[${a} \\le ${b}]` : `[${b} < ${a}]`;
    case 'input':
    case 'const':
      return '0';
  }
}
