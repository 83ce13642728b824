import { describe, expect, it } from 'vitest';
import { Tape, Value } from './value';

describe('Value', () => {
  it('gives the textbook gradients of f = (x + y) * z', () => {
    const t = new Tape();
    const x = new Value(-2, t);
    const y = new Value(5, t);
    const z = new Value(-4, t);
    const f = x.add(y).mul(z);
    f.backward();
    expect(f.data).toBe(-12);
    expect([x.grad, y.grad, z.grad]).toEqual([-4, -4, 3]);
  });

  it('backward() accumulates into a node used twice: d(x*x)/dx = 2x', () => {
    const t = new Tape();
    const x = new Value(3, t);
    const f = x.mul(x);
    expect(f.inputs.map((v) => v.id)).toEqual([x.id, x.id]);
    f.backward();
    expect(x.grad).toBe(6);
  });

  it('sums the contributions of three consumers', () => {
    const t = new Tape();
    const x = new Value(2, t);
    // f = 3x + x² + exp(x): ∂f/∂x = 3 + 2x + eˣ
    const f = x.mul(3).add(x.mul(x)).add(x.exp());
    f.backward();
    expect(x.grad).toBeCloseTo(3 + 4 + Math.exp(2), 12);
  });

  it('backward() twice gives the same gradients, not double', () => {
    const t = new Tape();
    const x = new Value(1.5, t);
    const f = x.mul(x).tanh();
    f.backward();
    const first = x.grad;
    f.backward();
    expect(x.grad).toBe(first);
  });

  it('matches micrograd sanity check (values checked against PyTorch there)', () => {
    const t = new Tape();
    const x = new Value(-4, t);
    const z = x.mul(2).add(2).add(x);
    const q = z.relu().add(z.mul(x));
    const h = z.mul(z).relu();
    const y = h.add(q).add(q.mul(x));
    y.backward();
    expect(y.data).toBe(-20);
    expect(x.grad).toBe(46);
  });

  it('matches micrograd "more ops" check (values checked against PyTorch there)', () => {
    const t = new Tape();
    const a = new Value(-4, t);
    const b = new Value(2, t);
    let c = a.add(b);
    let d = a.mul(b).add(b.pow(3));
    c = c.add(c.add(1));
    c = c.add(new Value(1, t).add(c).add(a.neg()));
    d = d.add(d.mul(2).add(b.add(a).relu()));
    d = d.add(d.mul(3).add(b.sub(a).relu()));
    const e = c.sub(d);
    const f = e.pow(2);
    let g = f.div(2);
    g = g.add(new Value(10, t).div(f));
    g.backward();
    expect(g.data).toBeCloseTo(24.70408163265306, 10);
    expect(a.grad).toBeCloseTo(138.83381924198252, 10);
    expect(b.grad).toBeCloseTo(645.5772594752186, 10);
  });

  it('handles a 100,000-op chain without recursion', () => {
    const t = new Tape();
    const x = new Value(1, t);
    let v = x;
    for (let i = 0; i < 100_000; i++) v = v.add(1);
    v.backward();
    expect(v.data).toBe(100_001);
    expect(x.grad).toBe(1);
    expect(v.topological()).toHaveLength(200_001);
  });

  it('gives 0 to values the output does not depend on', () => {
    const t = new Tape();
    const x = new Value(2, t);
    const unused = new Value(7, t);
    unused.mul(x);
    const f = x.mul(5);
    f.backward();
    expect(unused.grad).toBe(0);
    expect(x.grad).toBe(5);
  });

  it('refuses to mix values from different tapes', () => {
    const a = new Value(1, new Tape());
    const b = new Value(2, new Tape());
    expect(() => a.add(b)).toThrow(/different tapes/);
  });

  it('routes max to the larger input and gates relu', () => {
    const t = new Tape();
    const x = new Value(3, t);
    const y = new Value(-1, t);
    const m = x.max(y).mul(2).add(y.relu());
    m.backward();
    expect([x.grad, y.grad]).toEqual([2, 0]);
  });
});
