// The program as a PyTorch snippet that reproduces the same forward values and
// gradients (float64), for students who want to check Chainstep against a
// real framework — as micrograd's tests do.
import type { Graph } from '../engine';

const PY_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield torch print'.split(' '),
);

/** A Python identifier for a program name (keywords get a trailing underscore). */
export function pyName(name: string): string {
  return PY_KEYWORDS.has(name) ? `${name}_` : name;
}

function pyNumber(x: number): string {
  if (Number.isNaN(x)) return "float('nan')";
  if (x === Infinity) return "float('inf')";
  if (x === -Infinity) return "float('-inf')";
  return Number.isInteger(x) ? `${x}.0` : String(x);
}


export function toPyTorch(graph: Graph): string {
  const exprs: string[] = [];
  const prec: number[] = [];
  const lines = ['import torch', '', '# Same graph as in Chainstep; float64 so the numbers match.'];
  const inputs: string[] = [];
  const named: string[] = [];
  const wrap = (i: number, min: number) => (prec[i] < min ? `(${exprs[i]})` : exprs[i]);
  for (const node of graph.nodes) {
    const [a, b] = node.inputs;
    let expr: string;
    let p = 5;
    switch (node.op) {
      case 'input':
        expr = pyName(node.label ?? node.id);
        lines.push(`${expr} = torch.tensor(${pyNumber(node.value)}, dtype=torch.float64, requires_grad=True)`);
        inputs.push(expr);
        break;
      case 'const':
        expr = pyNumber(node.value);
        p = node.value < 0 ? 3 : 5;
        break;
      case 'add':
      case 'sub':
        expr = `${wrap(a, 1)} ${node.op === 'add' ? '+' : '-'} ${wrap(b, 2)}`;
        p = 1;
        break;
      case 'mul':
      case 'div':
        expr = `${wrap(a, 2)} ${node.op === 'mul' ? '*' : '/'} ${wrap(b, 3)}`;
        p = 2;
        break;
      case 'neg':
        expr = `-${wrap(a, 3)}`;
        p = 3;
        break;
      case 'pow':
        expr = `${wrap(a, 5)} ** ${b === undefined ? pyNumber(node.param ?? 1) : wrap(b, 3)}`;
        p = 4;
        break;
      case 'max':
      case 'min':
        // torch.maximum splits a tie evenly; Chainstep (like max in most engines) sends it all to the first input.
        expr = `torch.${node.op === 'max' ? 'maximum' : 'minimum'}(${exprs[a]}, torch.as_tensor(${exprs[b]}, dtype=torch.float64))`;
        break;
      default:
        expr = `torch.${node.op}(torch.as_tensor(${exprs[a]}, dtype=torch.float64))`;
    }
    if (node.label !== null && node.op !== 'input') {
      const name = pyName(node.label);
      lines.push(`${name} = ${expr}`);
      lines.push(`${name}.retain_grad()`);
      named.push(name);
      expr = name;
      p = 5;
    }
    exprs.push(expr);
    prec.push(p);
  }
  const out = exprs[graph.output];
  lines.push('', `${out}.backward()`, `print('${out} =', ${out}.item())`);
  for (const name of [...inputs, ...named.filter((n) => n !== out)]) {
    lines.push(`print('d${out}/d${name} =', ${name}.grad.item())`);
  }
  return `${lines.join('\n')}\n`;
}
