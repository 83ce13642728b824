// python/chainstep.py, run with a stock python3 on python/check_chainstep.py (a
// stand-in for micrograd's Value): each program it writes compiles in Chainstep
// and gives micrograd's numbers, and each link opens that program.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../index';
import { parseUrlState } from '../../store/url';

interface Case {
  case: string;
  program: string;
  link?: string;
  without?: string;
  data: number;
  inputs: { name: string; data: number; grad: number }[];
  length?: number;
  lines?: number;
  error?: string | null;
}

const root = join(__dirname, '../../..');
const run = spawnSync('python3', [join(root, 'python/check_chainstep.py')], { encoding: 'utf8' });
const cases: Record<string, Case> = Object.fromEntries(
  run.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Case)
    .map((c) => [c.case, c]),
);

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Compiles a case's program and checks micrograd's output value and the gradient of each input, found by its value. */
function expectMicrogradNumbers(c: Case, text = c.program): void {
  const { graph, trace } = compile(text);
  const out = graph.nodes[graph.output];
  expect(close(out.value, c.data), `${c.case}: output ${out.value} vs micrograd's ${c.data}`).toBe(true);
  const inputs = graph.nodes.filter((n) => n.op === 'input');
  expect(inputs.length, `${c.case}: inputs\n${text}`).toBe(c.inputs.length);
  for (const leaf of c.inputs) {
    const node = inputs.filter((n) => n.value === leaf.data);
    expect(node.length, `${c.case}: one input with the value of ${leaf.name}\n${text}`).toBe(1);
    const grad = trace.grads[node[0].index];
    expect(close(grad, leaf.grad), `${c.case}: ∂/∂${leaf.name} ${grad} vs micrograd's ${leaf.grad}`).toBe(true);
  }
}

describe('python/chainstep.py with python3', () => {
  it('runs with the standard library only and prints every case', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(Object.keys(cases)).toEqual(['sanity', 'more_ops', 'neuron_exp', 'square', 'weights', 'extended', 'chain', 'labels', 'notebook', 'too_long']);
  });

  it("micrograd's test_sanity_check and test_more_ops: programs that give micrograd's numbers", () => {
    expectMicrogradNumbers(cases.sanity);
    expect(cases.sanity.inputs[0].grad).toBe(46);
    expectMicrogradNumbers(cases.more_ops);
    // the caller's variables name the values: x, z, q, h, y
    expect(cases.sanity.program).toMatch(/^x = -4\n/);
    expect(cases.sanity.program.trim().split('\n').map((l) => l.split(' = ')[0]).sort()).toEqual(['h', 'q', 'x', 'y', 'z']);
  });

  it("micrograd's hidden constants are numbers: -a is a * (-1), 10.0 / f is f ** (-1) * 10", () => {
    const text = cases.more_ops.program;
    expect(text).toContain('a * (-1)');
    expect(text).toContain('f ** (-1) * 10');
    expect(text).toContain('f * 0.5');
    expect(text).not.toMatch(/^v\d+ = /m);
  });

  it("the lecture's neuron: labels name the values, a label that is not a name is kept in a comment", () => {
    expectMicrogradNumbers(cases.neuron_exp);
    expect(cases.neuron_exp.program).toMatch(/^x1w1x2w2 = x1w1 \+ x2w2 {2}# x1\*w1 \+ x2\*w2$/m);
    expect(cases.neuron_exp.program).toMatch(/^o = /m);
  });

  it('x * x has one operand in _prev and is written with both; a value used three times stays one node', () => {
    expectMicrogradNumbers(cases.square);
    const { graph } = compile(cases.square.program);
    const t1 = graph.nodes.find((n) => n.label === 't1');
    expect(graph.nodes.filter((n) => n.op === 'mul' && n.inputs[0] === t1?.index && n.inputs[1] === t1.index)).toHaveLength(1);
    expect(graph.edges.filter((e) => e.from === t1?.index)).toHaveLength(3);
  });

  it('weights made inside a function are constants unless passed as inputs=', () => {
    expectMicrogradNumbers(cases.weights);
    expect(compile(cases.weights.without as string).graph.nodes.some((n) => n.op === 'input')).toBe(false);
  });

  it("an extended Value's - and /: the operand order that gives the value's own data", () => {
    expectMicrogradNumbers(cases.extended);
  });

  it('a 300-step chain: written in lines of a few operations, within the language limits', () => {
    expectMicrogradNumbers(cases.chain);
    expect(cases.chain.program.split('\n').length).toBeGreaterThan(20);
  });

  it('labels that clash, are not names or are keywords get names of their own', () => {
    expectMicrogradNumbers(cases.labels);
    expect(cases.labels.program).toMatch(/^a = /m);
    expect(cases.labels.program).toMatch(/^a_2 = /m);
    expect(cases.labels.program).toMatch(/^x1in = -1 {2}# x 1 \(in\)$/m);
    expect(cases.labels.program).not.toMatch(/^param = /m);
  });

  it("a link opens the program: the app's URL schema reads it back, other keys and the fragment kept", () => {
    for (const c of Object.values(cases).filter((x) => x.link)) {
      const url = new URL(c.link as string);
      expect(url.origin + url.pathname).toBe('https://example.edu/chainstep/');
      expect(url.hash).toBe('#top');
      const state = parseUrlState(url.search);
      expect(state.state.lang).toBe('zh-CN');
      expect(state.state.step).toBe('end');
      expectMicrogradNumbers(c, state.state.program as string);
    }
    // called where the values live, the link names them as program() does
    expect(new URL(cases.notebook.link as string).searchParams.get('program')).toBe(cases.notebook.program);
    expect(cases.notebook.program).toBe('xx = -4\nyy = 2\nzz = xx + xx * yy\n');
  });

  it('refuses a link longer than the app accepts, with the numbers', () => {
    expect(cases.too_long.length).toBeGreaterThan(100_000);
    expect(cases.too_long.error).toMatch(/^the program has 1\d\d,\d{3} characters; a link carries at most 100,000$/);
    // the program itself is fine: 4,001 inputs
    expect(cases.too_long.lines).toBeGreaterThan(4000);
  });
});
