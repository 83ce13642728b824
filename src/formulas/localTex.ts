// The local derivative ∂(node)/∂(input in slot) in TeX, in terms of the
// inputs' names — the rule each op applies during the backward pass.
import type { Graph } from '../engine';
import { nodeTexAtom } from './nodeTex';
import { texFactor, texNumber } from './number';

const texPower = (p: number): string => texNumber(p);

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
      return slot === 0 ? `\\frac{1}{${b}}` : `-\\frac{${a}}{${b}^{2}}`;
    case 'neg':
      return '-1';
    case 'pow':
      if (node.param !== null) return `${texFactor(node.param)} \\cdot {${a}}^{${texPower(node.param - 1)}}`;
      return slot === 0 ? `${b} \\cdot {${a}}^{${b} - 1}` : `{${a}}^{${b}} \\ln ${a}`;
    case 'exp':
      return `e^{${a}}`;
    case 'log':
      return `\\frac{1}{${a}}`;
    case 'sqrt':
      return `\\frac{1}{2\\sqrt{${a}}}`;
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
