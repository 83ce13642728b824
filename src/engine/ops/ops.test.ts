// Every op of the registry against central differences, on random shapes and
// every broadcasting case, with fast-check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../index';
import { numericGradientTensor } from '../gradcheck';
import { literalText } from '../testPrograms';
import { sizeOf } from '../tensor/tensor';
import { jacobianColumn } from './apply';
import { ALL_OPS, OPS, type OpName } from './index';

type Shape = number[];
const side = fc.integer({ min: 1, max: 4 });
const anyShape: fc.Arbitrary<Shape> = fc.oneof(fc.constant([] as Shape), side.map((n) => [n]), fc.tuple(side, side).map(([r, c]) => [r, c]));

/** Pairs of shapes that broadcast, NumPy's rules: equal, a number with anything, a row with a matrix, r×1 and 1×c. */
const broadcastPair: fc.Arbitrary<[Shape, Shape]> = fc.tuple(side, side).chain(([r, c]) =>
  fc.constantFrom<[Shape, Shape]>(
    [[r, c], [r, c]],
    [[], [r, c]],
    [[r, c], []],
    [[c], [r, c]],
    [[r, c], [c]],
    [[r, 1], [r, c]],
    [[1, c], [r, c]],
    [[r, 1], [c]],
    [[c], [c]],
    [[], [c]],
    [[], []],
  ),
);

/** Values away from the points where an op has no derivative (0 for relu/abs, ties for max/min). */
function values(op: OpName, n: number): fc.Arbitrary<number[]> {
  const positive = ['log', 'sqrt', 'pow'].includes(op);
  const v = positive ? fc.double({ min: 0.5, max: 2, noNaN: true }) : fc.double({ min: -2, max: 2, noNaN: true }).filter((x) => Math.abs(x) > 0.15);
  return fc.array(v, { minLength: n, maxLength: n });
}

/** ∂L/∂(every input) by backprop and by central differences, L = Σ t ⊙ W for a fixed weighting W. */
function compare(lines: string[], tShape: Shape): { backprop: Float64Array[]; numeric: Float64Array[] } {
  const n = sizeOf(tShape);
  const weights = Array.from({ length: n }, (_, i) => ((i * 7) % 5) / 4 - 0.4);
  const weighted = tShape.length === 0 ? `L = t * ${weights[0]}` : `W = ${literalText(tShape, weights)}\nL = sum(t * W)`;
  const { graph, trace } = compile([...lines, weighted].join('\n'));
  const inputs = graph.nodes.filter((node) => node.op === 'input' && node.label !== 'W');
  return {
    backprop: inputs.map((node) => trace.finalGrads[node.index].data),
    numeric: inputs.map((node) => numericGradientTensor(graph, node.index).data),
  };
}

/** Every contribution of the trace equals its entries' Jacobian columns summed against the upstream gradient. */
function expectColumnsAgree(program: string): void {
  const { graph, trace } = compile(program);
  for (const step of trace.steps) {
    if (step.kind !== 'backward') continue;
    const node = graph.nodes[step.node];
    for (const c of step.contributions) {
      const inputs = node.inputs.map((i) => graph.nodes[i].tensor);
      c.tensors.amount.data.forEach((amount, element) => {
        const terms = jacobianColumn(OPS[node.op], inputs, node.tensor, c.slot, element, node.param);
        const sum = terms.reduce((s, t) => s + c.tensors.upstream.data[t.k] * t.factor, 0);
        expect(Math.abs(sum - amount)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(amount)));
      });
    }
  }
}

function expectClose(actual: Float64Array[], expected: Float64Array[]): void {
  actual.forEach((a, k) => a.forEach((x, i) => expect(Math.abs(x - expected[k][i])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected[k][i])))));
}

const elementwise = ALL_OPS.filter((op) => OPS[op].kind === 'elementwise');

describe('every op on numbers, element by element, matches central differences', () => {
  for (const op of elementwise) {
    const entry = OPS[op];
    if (entry.kind !== 'elementwise') continue;
    it(`${op}${entry.arity === 2 ? ' with every broadcasting case' : ''}`, () => {
      const shapes = entry.arity === 1 ? anyShape.map((s): [Shape, Shape] => [s, s]) : broadcastPair;
      fc.assert(
        fc.property(
          shapes.chain(([a, b]) => fc.tuple(fc.constant([a, b] as [Shape, Shape]), values(op, sizeOf(a)), values(op, sizeOf(b)))),
          ([[sa, sb], va, vb]) => {
            // max/min have no derivative at a tie: keep the two sides apart.
            if ((op === 'max' || op === 'min') && va.some((x) => vb.some((y) => Math.abs(x - y) < 0.1))) return;
            const call = entry.arity === 1 ? (op === 'neg' ? '-a' : `${entry.call}(a)`) : op === 'pow' ? 'a ^ b' : entry.call ? `${entry.call}(a, b)` : `a ${{ add: '+', sub: '-', mul: '*', div: '/' }[op as 'add']} b`;
            const lines = [`a = ${literalText(sa, va)}`, `b = ${literalText(sb, vb)}`, `t = ${call}`];
            const { graph } = compile([...lines, 'L = sum(t)'].join('\n'));
            const tShape = [...graph.nodes.find((node) => node.label === 't')!.shape];
            const { backprop, numeric } = compare(lines, tShape);
            expectClose(backprop, numeric);
            expectColumnsAgree([...lines, 'L = sum(t * t)'].join('\n'));
          },
        ),
        { numRuns: 40 },
      );
    });
  }
});

describe('every op on whole tensors matches central differences', () => {
  const matmulShapes: fc.Arbitrary<[Shape, Shape]> = fc.tuple(side, side, side).chain(([r, k, c]) =>
    fc.constantFrom<[Shape, Shape]>([[r, k], [k, c]], [[r, k], [k]], [[k], [k, c]], [[k], [k]]),
  );
  const cases: Record<string, fc.Arbitrary<{ lines: string[] }>> = {
    matmul: matmulShapes.chain(([sa, sb]) =>
      fc.tuple(values('matmul', sizeOf(sa)), values('matmul', sizeOf(sb))).map(([va, vb]) => ({
        lines: [`a = ${literalText(sa, va)}`, `b = ${literalText(sb, vb)}`, 't = a @ b'],
      })),
    ),
    sum: fc.tuple(anyShape, fc.constantFrom('', ', 0', ', 1')).filter(([s, axis]) => (axis === ', 1' ? s.length === 2 : axis === ', 0' ? s.length >= 1 : true)).chain(([s, axis]) =>
      values('sum', sizeOf(s)).map((v) => ({ lines: [`a = ${literalText(s, v)}`, `t = sum(a${axis})`] })),
    ),
    mean: fc.tuple(anyShape, fc.constantFrom('', ', 0', ', 1')).filter(([s, axis]) => (axis === ', 1' ? s.length === 2 : axis === ', 0' ? s.length >= 1 : true)).chain(([s, axis]) =>
      values('mean', sizeOf(s)).map((v) => ({ lines: [`a = ${literalText(s, v)}`, `t = mean(a${axis})`] })),
    ),
    transpose: fc.tuple(side, side).chain(([r, c]) => values('transpose', r * c).map((v) => ({ lines: [`a = ${literalText([r, c], v)}`, 't = transpose(a)'] }))),
    softmax: fc.oneof(side.map((n) => [n]), fc.tuple(side, side)).chain((s) =>
      values('softmax', sizeOf(s)).map((v) => ({ lines: [`a = ${literalText(s, v)}`, 't = softmax(a)'] })),
    ),
    softmax_cross_entropy: fc.oneof(side.map((n) => [n]), fc.tuple(side, side)).chain((s) =>
      fc.tuple(values('softmax_cross_entropy', sizeOf(s)), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: sizeOf(s), maxLength: sizeOf(s) })).map(([z, y]) => ({
        lines: [`a = ${literalText(s, z)}`, `b = ${literalText(s, y)}`, 't = softmax_cross_entropy(a, b)'],
      })),
    ),
  };
  it('covers every tensor op of the registry', () => {
    expect(Object.keys(cases).sort()).toEqual(ALL_OPS.filter((op) => OPS[op].kind === 'tensor').sort());
  });
  for (const [op, arbitrary] of Object.entries(cases)) {
    it(op, () => {
      fc.assert(
        fc.property(arbitrary, ({ lines }) => {
          const { graph } = compile([...lines, 'L = sum(t)'].join('\n'));
          const tShape = [...graph.nodes.find((node) => node.label === 't')!.shape];
          const { backprop, numeric } = compare(lines, tShape);
          expectClose(backprop, numeric);
          expectColumnsAgree([...lines, tShape.length ? 'L = sum(t * t)' : 'L = t * t'].join('\n'));
        }),
        { numRuns: 40 },
      );
    });
  }
});
