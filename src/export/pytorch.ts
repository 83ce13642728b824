// The program as a PyTorch snippet that reproduces the same forward values and
// gradients (float64), for students who want to check Chainstep against a
// real framework — as micrograd's tests do. Each op is spelled by its registry entry.
import { OPS, pyNumber, type Graph } from '../engine';
import { toNested, type Nested } from '../engine/tensor/tensor';

const PY_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield torch print'.split(' '),
);

/** A Python identifier for a program name (keywords get a trailing underscore). */
export function pyName(name: string): string {
  return PY_KEYWORDS.has(name) ? `${name}_` : name;
}

function pyNested(x: Nested): string {
  return typeof x === 'number' ? pyNumber(x) : `[${x.map(pyNested).join(', ')}]`;
}

/** The Python name of a node: its label, with a version suffix for a name assigned again (`c_2`). */
export function pyNodeName(label: string, version: number): string {
  return version > 1 ? `${pyName(label)}_${version}` : pyName(label);
}

/** The Python variables of the export: the output's, and each input's by its Chainstep label. */
export function pyTorchNames(graph: Graph): { output: string; inputs: { label: string; python: string }[] } {
  const out = graph.nodes[graph.output];
  const inputs = graph.nodes.flatMap((n) => (n.op === 'input' ? [{ label: n.label ?? n.id, python: pyNodeName(n.label ?? n.id, n.version) }] : []));
  return { output: out.label === null ? out.id : pyNodeName(out.label, out.version), inputs };
}

export function toPyTorch(graph: Graph): string {
  const exprs: string[] = [];
  const prec: number[] = [];
  const lines = ['import torch', '', '# Same graph as in Chainstep; float64 so the numbers match.'];
  const inputs: string[] = [];
  const named: string[] = [];
  const isTensor = new Set<string>();
  for (const node of graph.nodes) {
    const arg = (slot: number, min: number): string => {
      const i = node.inputs[slot];
      return prec[i] < min ? `(${exprs[i]})` : exprs[i];
    };
    let expr: string;
    let p = 5;
    const entry = OPS[node.op];
    if (node.op === 'input') {
      expr = pyNodeName(node.label ?? node.id, node.version);
      lines.push(`${expr} = torch.tensor(${pyNested(toNested(node.tensor))}, dtype=torch.float64, requires_grad=True)`);
      inputs.push(expr);
      if (node.shape.length > 0) isTensor.add(expr);
    } else if (node.op === 'const') {
      if (node.shape.length > 0) expr = `torch.tensor(${pyNested(toNested(node.tensor))}, dtype=torch.float64)`;
      else {
        expr = pyNumber(node.value);
        p = node.value < 0 || Object.is(node.value, -0) ? 3 : 5; // written with a minus sign: bracket it where a sign would bind wrongly
      }
    } else {
      expr = entry.torch.write(arg, node.param);
      p = entry.torch.precedence;
    }
    if (node.label !== null && node.op !== 'input') {
      const name = pyNodeName(node.label, node.version);
      lines.push(`${name} = ${expr}`);
      lines.push(`${name}.retain_grad()`);
      named.push(name);
      if (node.shape.length > 0) isTensor.add(name);
      expr = name;
      p = 5;
    }
    exprs.push(expr);
    prec.push(p);
  }
  const out = exprs[graph.output];
  lines.push('', `${out}.backward()`, `print('${out} =', ${out}.item())`);
  for (const name of [...inputs, ...named.filter((n) => n !== out)]) {
    lines.push(`print('d${out}/d${name} =', ${name}.grad.${isTensor.has(name) ? 'tolist' : 'item'}())`);
  }
  return `${lines.join('\n')}\n`;
}
