import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyForward, applyVjp } from './apply';
import { ELEMENTWISE } from './index';
import type { ElementwiseOp } from './types';
import type { Shape, Tensor } from '../tensor/tensor';

const value = fc.oneof({ weight: 6, arbitrary: fc.double({ min: -30, max: 30, noNaN: true }) }, { weight: 2, arbitrary: fc.constantFrom(0, -0) }, { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, NaN) });
const tensor = (shape: Shape) => fc.array(value, { minLength: shape.reduce((n, d) => n * d, 1), maxLength: shape.reduce((n, d) => n * d, 1) }).map((v): Tensor => ({ shape, data: Float64Array.from(v) }));
/** The bits that matter: −0 apart from 0, every NaN alike. */
const bits = (t: Tensor) => Array.from(t.data).map((v) => (Object.is(v, -0) ? '-0' : String(v)));

const withLoops = ELEMENTWISE.filter((op): op is ElementwiseOp & Required<Pick<ElementwiseOp, 'loops'>> => op.loops !== undefined);
/** The same op through the op table, element by element. */
const generic = (op: ElementwiseOp): ElementwiseOp => ({ ...op, loops: undefined });

describe('the written-out loops give the op table’s values to the last bit', () => {
  it('covers the ops training runs most', () => {
    expect(withLoops.map((op) => op.name).sort()).toEqual(['add', 'relu', 'sigmoid', 'tanh']);
  });

  it.each(withLoops.map((op) => [op.name, op] as const))('%s: forward and both local derivatives, broadcast or not, with 0, −0, ±∞ and NaN', (_name, op) => {
    const shapes = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 })).chain(([r, c]) => fc.tuple(fc.constant([r, c]), fc.constantFrom<Shape>([r, c], [c], [r, 1], [1, c], [])));
    fc.assert(
      fc.property(shapes.chain(([sa, sb]) => fc.tuple(tensor(sa), tensor(sb), tensor(sa), fc.boolean())), ([a, b, g, swap]) => {
        const inputs = op.arity === 1 ? [a] : swap ? [b, a] : [a, b];
        const out = applyForward(op, inputs, null);
        expect(bits(out)).toEqual(bits(applyForward(generic(op), inputs, null)));
        const upstream = { shape: out.shape, data: g.data.slice(0, out.data.length) };
        for (let slot = 0; slot < op.arity; slot++) {
          const fast = applyVjp(op, inputs, out, upstream, slot, null);
          const slow = applyVjp(generic(op), inputs, out, upstream, slot, null);
          expect(bits(fast.amount)).toEqual(bits(slow.amount));
          expect(fast.amount.shape).toEqual(slow.amount.shape);
          expect(bits(fast.local as Tensor)).toEqual(bits(slow.local as Tensor));
        }
      }),
      { numRuns: 200 },
    );
  });
});
