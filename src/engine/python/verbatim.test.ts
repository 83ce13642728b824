// micrograd's tests and its lecture's cells, read verbatim, give micrograd's
// numbers. Reference values: micrograd's own assertions and, for the rest,
// python/reference.py (torch 1.13, float64).
import { describe, expect, it } from 'vitest';
import { PYTHON_EXAMPLES } from '../../../fixtures/python';
import { compile, type Compiled } from '../index';

/** The value and gradient of the newest node labelled `name` (a Python variable). */
function at(c: Compiled, name: string): { data: number; grad: number } {
  const nodes = c.graph.nodes.filter((n) => n.label === name);
  const node = nodes[nodes.length - 1];
  if (!node) throw new Error(`no node ${name}`);
  return { data: node.value, grad: c.trace.grads[node.index] as number };
}
const out = (c: Compiled) => c.graph.nodes[c.graph.output];

describe("micrograd's test_sanity_check", () => {
  for (const key of ['sanityMicrograd', 'sanityTorch'] as const) {
    it(`${key}: y.data = -20 and x.grad = 46, exactly`, () => {
      const c = compile(PYTHON_EXAMPLES[key].text);
      expect(out(c).label).toBe('y');
      expect(out(c).value).toBe(-20);
      expect(at(c, 'x').grad).toBe(46);
      // the unpacked names are the same values: xmg is x, ymg is y
      const alias = key === 'sanityMicrograd' ? ['xmg', 'ymg'] : ['xpt', 'ypt'];
      expect(c.graph.nodes.some((n) => n.label === alias[0])).toBe(false);
      // z = 2x + 2 + x = -10, q = relu(z) + z·x = 40, h = relu(z·z) = 100
      expect([at(c, 'z').data, at(c, 'q').data, at(c, 'h').data]).toEqual([-10, 40, 100]);
    });
  }
});

describe("micrograd's test_more_ops", () => {
  for (const key of ['moreOpsMicrograd', 'moreOpsTorch'] as const) {
    it(`${key}: g.data, a.grad and b.grad within micrograd's tolerance 1e-6 of PyTorch`, () => {
      const c = compile(PYTHON_EXAMPLES[key].text);
      expect(out(c).label).toBe('g');
      expect(Math.abs(out(c).value - 24.70408163265306)).toBeLessThan(1e-6);
      expect(Math.abs(at(c, 'a').grad - 138.83381924198252)).toBeLessThan(1e-6);
      expect(Math.abs(at(c, 'b').grad - 645.5772594752186)).toBeLessThan(1e-6);
      // and far closer than that: the same float64 arithmetic up to rounding
      expect(at(c, 'a').grad).toBeCloseTo(138.83381924198252, 10);
      expect(at(c, 'b').grad).toBeCloseTo(645.5772594752186, 10);
      // the rebound names end where PyTorch's do
      expect([at(c, 'c').data, at(c, 'd').data, at(c, 'e').data, at(c, 'f').data]).toEqual([-1, 6, -7, 49]);
    });
  }

  it('c += c + 1 reads the old c and writes a new one: c, c@2, c@3, each a version', () => {
    const c = compile(PYTHON_EXAMPLES.moreOpsMicrograd.text);
    const cs = c.graph.nodes.filter((n) => n.label === 'c');
    expect(cs.map((n) => [n.id, n.version, n.value])).toEqual([
      ['c', 1, -2],
      ['c@2', 2, -3],
      ['c@3', 3, -1],
    ]);
    // c@2 = c + (c + 1): the old c feeds the new one along two paths
    const c2 = cs[1];
    const add = c.graph.nodes[c2.inputs[1]];
    expect(c2.inputs[0]).toBe(cs[0].index);
    expect(add.inputs[0]).toBe(cs[0].index);
    expect(c.graph.nodes.filter((n) => n.label === 'd').map((n) => n.id)).toEqual(['d', 'd@2', 'd@3']);
    expect(c.graph.nodes.filter((n) => n.label === 'g').map((n) => n.id)).toEqual(['g', 'g@2']);
  });
});

describe("the lecture's labelled expression", () => {
  it('L = (a·b + c)·f = -8, with the lecture\'s gradients', () => {
    const c = compile(PYTHON_EXAMPLES.lectureExpression.text);
    expect(out(c).label).toBe('L');
    expect(out(c).value).toBe(-8);
    expect(Object.fromEntries(['a', 'b', 'c', 'f', 'e', 'd'].map((n) => [n, at(c, n).grad]))).toEqual({ a: 6, b: -4, c: -2, f: 4, e: -2, d: -2 });
    expect(c.graph.nodes.filter((n) => n.label).map((n) => n.display)).toEqual(['a', 'b', 'c', 'e', 'd', 'f', 'L']);
  });
});

describe("the lecture's neuron", () => {
  const lecture = { x1: -1.5, w1: 1, x2: 0.5, w2: 0 };
  for (const key of ['lectureNeuronTanh', 'lectureNeuronExp'] as const) {
    it(`${key}: o = 0.7071, x1.grad = -1.5, w1.grad = 1, x2.grad = 0.5, w2.grad = 0`, () => {
      const c = compile(PYTHON_EXAMPLES[key].text);
      expect(out(c).label).toBe('o');
      expect(out(c).value).toBeCloseTo(Math.SQRT1_2, 6);
      for (const [name, grad] of Object.entries(lecture)) expect(at(c, name).grad, name).toBeCloseTo(grad, 6);
      expect(at(c, 'b').grad).toBeCloseTo(0.5, 6);
      expect(at(c, 'x1w1').grad).toBeCloseTo(0.5, 6);
    });
  }

  it('the tanh and the exp forms give the same gradient to every input', () => {
    const tanh = compile(PYTHON_EXAMPLES.lectureNeuronTanh.text);
    const exp = compile(PYTHON_EXAMPLES.lectureNeuronExp.text);
    for (const name of ['x1', 'x2', 'w1', 'w2', 'b', 'n']) expect(at(exp, name).grad, name).toBeCloseTo(at(tanh, name).grad, 12);
    expect(out(exp).value).toBeCloseTo(out(tanh).value, 12);
    // the exp form has more nodes: 2·n, exp, e − 1, e + 1 and the division
    expect(exp.graph.nodes.length - tanh.graph.nodes.length).toBe(7);
  });

  it("shows the lecture's labels as written: 'x1*w1', 'x1*w1 + x2*w2'", () => {
    const c = compile(PYTHON_EXAMPLES.lectureNeuronTanh.text);
    const display = (name: string) => c.graph.nodes.find((n) => n.label === name)?.display;
    expect([display('x1w1'), display('x2w2'), display('x1w1x2w2'), display('n'), display('o')]).toEqual(['x1*w1', 'x2*w2', 'x1*w1 + x2*w2', 'n', 'o']);
  });

  it('the PyTorch neuron: float64 here, where torch.Tensor rounds b to float32 first', () => {
    const c = compile(PYTHON_EXAMPLES.lectureNeuronTorch.text);
    // PyTorch's numbers (python/reference.py) differ from float64 in the 7th digit: b = 6.881373405456543 in float32
    const torchGrads = { x1: -1.5000003851533106, w1: 1.0000002567688737, x2: 0.5000001283844369, w2: 0 };
    for (const [name, grad] of Object.entries(torchGrads)) expect(Math.abs(at(c, name).grad - grad), name).toBeLessThan(1e-6);
    expect(Math.abs(out(c).value - 0.7071066904050358)).toBeLessThan(1e-6);
    expect(c.graph.nodes.filter((n) => n.op === 'input').every((n) => n.role === 'param')).toBe(true);
  });
});

describe('PyTorch tensor code from literal tensors (the stretch of issue 13)', () => {
  it("torch.tensor([[…]]), @, .T, torch.tanh, torch.softmax(dim=-1), .sum(), .mean(): PyTorch's values and gradients", () => {
    const c = compile(PYTHON_EXAMPLES.torchTensors.text);
    // python/reference.py, torch 1.13, float64
    const torch = {
      L: 1.1165618269244226,
      X: [0.14027789942819335, 0.127361236775557, 0.008268356050362372, -0.1987736327801065, 0.1576963631163617, 0.4357112884248218],
      W: [0.08024291879103053, 0.25039375180016493, 0.14769821006649964, -1.2687748483664496, -0.0674552912754691, 1.5191686001666145],
      b: [0.08280044429414282, 0.6043062221935208],
    };
    expect(out(c).label).toBe('L');
    expect(out(c).value).toBeCloseTo(torch.L, 13);
    for (const name of ['X', 'W', 'b'] as const) {
      const node = c.graph.nodes.find((n) => n.label === name && n.op === 'input');
      expect(node?.role, name).toBe('param');
      const grad = Array.from(c.trace.finalGrads[node?.index ?? -1].data);
      expect(grad.length, name).toBe(torch[name].length);
      grad.forEach((g, i) => expect(g, `${name}[${i}]`).toBeCloseTo(torch[name][i], 13));
    }
    expect(c.graph.nodes.map((n) => n.op).filter((op) => ['matmul', 'transpose', 'softmax', 'sum', 'mean', 'tanh'].includes(op)).sort()).toEqual(
      ['matmul', 'matmul', 'mean', 'mean', 'softmax', 'sum', 'tanh', 'transpose', 'transpose', 'transpose'],
    );
  });
});
