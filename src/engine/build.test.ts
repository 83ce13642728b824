import { describe, expect, it } from 'vitest';
import { compile, ProgramError } from './index';

function errorOf(program: string): ProgramError {
  try {
    compile(program);
  } catch (err) {
    if (err instanceof ProgramError) return err;
    throw err;
  }
  throw new Error('expected a ProgramError');
}

describe('buildGraph', () => {
  it('makes one node per name, with several consumers', () => {
    const { graph } = compile('x = 2\na = x + 1\nb = x * 3\nf = a * b');
    const x = graph.nodes.find((n) => n.label === 'x');
    expect(x?.op).toBe('input');
    expect(graph.outEdges[x?.index ?? -1]).toHaveLength(2);
  });

  it('x * x is one node x feeding one * twice', () => {
    const { graph } = compile('x = 3\nf = x * x');
    expect(graph.nodes.map((n) => n.op)).toEqual(['input', 'mul']);
    expect(graph.nodes[1].inputs).toEqual([0, 0]);
    expect(graph.edges.map((e) => [e.from, e.to, e.slot])).toEqual([
      [0, 1, 0],
      [0, 1, 1],
    ]);
  });

  it('labels inputs and named intermediates, not anonymous nodes', () => {
    const { graph } = compile('x = 2\nf = x * 3 + 1');
    expect(graph.nodes.map((n) => [n.id, n.op, n.label])).toEqual([
      ['x', 'input', 'x'],
      ['f~0', 'const', null],
      ['f~1', 'mul', null],
      ['f~2', 'const', null],
      ['f', 'add', 'f'],
    ]);
  });

  it('treats a negated literal as one input or constant', () => {
    const { graph } = compile('x = -2\nf = x * -3');
    expect(graph.nodes.map((n) => [n.op, n.value, n.literal])).toEqual([
      ['input', -2, '-2'],
      ['const', -3, '-3'],
      ['mul', 6, null],
    ]);
  });

  it('the last statement is the output', () => {
    const { graph } = compile('x = 1\ng = x + 1\nh = x * 2');
    expect(graph.nodes[graph.output].label).toBe('h');
  });

  it('a name assigned a name is the same node', () => {
    const { graph } = compile('x = 1\ny = x\nf = y * 2');
    expect(graph.nodes).toHaveLength(3);
    expect(graph.nodes[2].inputs[0]).toBe(0);
  });

  it('reports undefined names with line and column', () => {
    const err = errorOf('x = 1\nf = x * w');
    expect(err.code).toBe('undefinedName');
    expect([err.line, err.col]).toEqual([2, 9]);
    expect(err.message).toMatch(/^line 2, col 9: 'w' is not defined/);
  });

  it('reports a name used before its definition', () => {
    const err = errorOf('f = x * 2\nx = 1');
    expect(err.code).toBe('usedBeforeDefinition');
    expect(err.message).toContain('line 1, col 5');
  });

  it('a name assigned again makes a new version; later lines read the newest (§11)', () => {
    const { graph, trace } = compile('a = 2\nb = 3\nc = a + b\nc += c + 1\nf = c * 2');
    const versions = graph.nodes.filter((n) => n.label === 'c').map((n) => [n.id, n.version, n.op]);
    expect(versions).toEqual([
      ['c', 1, 'add'],
      ['c@2', 2, 'add'],
    ]);
    // c@2 = c + (c + 1) reads the old c twice: the old c has two consumers, so its gradient sums.
    const c1 = graph.nodes.findIndex((n) => n.id === 'c');
    expect(graph.outEdges[c1]).toHaveLength(2);
    expect(graph.nodes[graph.output].value).toBe(22); // (5 + 6) * 2
    expect(trace.grads[c1]).toBe(4); // ∂f/∂c = 2 · (1 + 1)
    // Anonymous parts of a later version are numbered under its id.
    expect(graph.nodes.some((n) => n.id === 'c@2~0')).toBe(true);
  });

  it('OUT.backward() names the output even when statements follow it', () => {
    const { graph } = compile("x = 2\ny = x * 3\ny.backward()\nz = y + 1");
    expect(graph.nodes[graph.output].label).toBe('y');
    expect(graph.nodes[graph.output].value).toBe(6);
  });

  it('an input assigned again is a second input node, and the output can be named by backward()', () => {
    const { graph } = compile('x = 1\nx = 2\nf = x * 3');
    expect(graph.nodes.filter((n) => n.op === 'input').map((n) => [n.id, n.label, n.value])).toEqual([
      ['x', 'x', 1],
      ['x@2', 'x', 2],
    ]);
    expect(graph.nodes[graph.output].value).toBe(6);
  });

  it('a self-reference is an undefined name, not a cycle', () => {
    expect(errorOf('x = x + 1').code).toBe('undefinedName');
  });

  it('computes values, including non-finite ones, without throwing', () => {
    const { graph } = compile('x = -1\na = log(x)\nb = 1e400\nf = a + b');
    expect(Number.isNaN(graph.nodes[1].value)).toBe(true);
    expect(graph.nodes[2].value).toBe(Infinity);
  });

  it('a literal exponent is folded into the power node, so a negative base has a finite gradient', () => {
    const { graph, trace } = compile('r = -3\nL = r ^ 2');
    expect(graph.nodes.map((n) => [n.op, n.inputs.length, n.param])).toEqual([
      ['input', 0, null],
      ['pow', 1, 2],
    ]);
    expect(trace.grads[0]).toBe(-6);
    expect(Array.from(trace.grads).every(Number.isFinite)).toBe(true);
  });

  it('a power with a computed exponent keeps both inputs', () => {
    const { graph } = compile('a = 2\nb = 3\nf = a ^ b');
    expect(graph.nodes[2].inputs).toEqual([0, 1]);
    expect(graph.nodes[2].param).toBeNull();
  });
});
