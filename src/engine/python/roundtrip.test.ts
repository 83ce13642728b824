// Chainstep's own PyTorch export reads back to the same graph: the same ops on
// the same inputs, the same values and the same gradients (CONTRACTS §11).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../fixtures/lessons';
import { toPyTorch } from '../../export/pytorch';
import { buildGraph } from '../build';
import { compile, type Compiled } from '../index';
import { ALL_OPS, OPS } from '../ops';
import { opProgram, program } from '../testPrograms';
import { traceGraph } from '../trace';
import { readPython } from './index';

const RUNS = Math.min(Number(process.env.CHAINSTEP_FUZZ_RUNS ?? 300), 20_000);

function readBack(original: Compiled): Compiled {
  const text = toPyTorch(original.graph);
  const graph = buildGraph(readPython(text, 'pytorch'));
  return { graph, trace: traceGraph(graph) };
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.from(a).every((x, i) => Object.is(x, b[i]));

/** Every node: op, inputs, folded constant, value and final gradient, with whether it is named. */
function shapeOf(c: Compiled) {
  return c.graph.nodes.map((n) => ({
    op: n.op,
    inputs: n.inputs,
    param: n.param,
    named: n.label !== null,
    shape: n.shape,
    value: Array.from(n.tensor.data),
    grad: Array.from(c.trace.finalGrads[n.index].data),
  }));
}

function expectSameGraph(text: string): void {
  const original = compile(text);
  const back = readBack(original);
  expect(back.graph.output, text).toBe(original.graph.output);
  const [a, b] = [shapeOf(original), shapeOf(back)];
  expect(b.length, text).toBe(a.length);
  a.forEach((node, i) => {
    const { value, grad, ...rest } = node;
    const { value: bValue, grad: bGrad, ...bRest } = b[i];
    expect(bRest, `${text}\nnode ${i}`).toEqual(rest);
    // the export writes every number so that it reads back to the same float64
    expect(same(bValue, value), `${text}\nvalue of node ${i}: ${bValue} vs ${value}`).toBe(true);
    expect(same(bGrad, grad), `${text}\ngradient of node ${i}: ${bGrad} vs ${grad}`).toBe(true);
  });
}

describe('the PyTorch export reads back to the same graph', () => {
  it('every lesson', () => {
    for (const lesson of LESSONS) expectSameGraph(lesson.program);
  });

  it('a program for every op of the registry, numbers and tensors', () => {
    for (const op of ALL_OPS.filter((o) => OPS[o].kind !== 'leaf')) expectSameGraph(opProgram(op));
  });

  it('rebound names, a chosen output and non-finite numbers', () => {
    expectSameGraph('c = 1\nc = c + 1\nc = c * c + c\nL = c ^ 2');
    expectSameGraph('x = 2\ny = x * 3\ny.backward()\nz = y + 1');
    expectSameGraph('x = 1e400\ny = 0\nf = x * 2 + log(y) + max(x, y)');
  });

  it(`${RUNS} random programs over every op`, () => {
    fc.assert(fc.property(program, (text) => expectSameGraph(text)), { numRuns: RUNS });
  }, Math.max(30_000, RUNS * 10));
});
