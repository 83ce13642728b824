import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOptimizer, optimizerProblem } from './optimizer';
import { OPTIMIZER_KINDS } from './registry';
import type { AdamUpdate, MomentumUpdate, OptimizerKind } from './types';

const one = (name: string, x: number) => new Map([[name, Float64Array.of(x)]]);

describe('SGD, by hand', () => {
  it('θ ← θ − α·g: 1 − 0.01·4 = 0.96', () => {
    const opt = createOptimizer({ kind: 'sgd', options: { lr: 0.01 } });
    const p = one('w', 1);
    const record = opt.step(p, one('w', 4), { name: 'w', index: 0 });
    expect(p.get('w')![0]).toBeCloseTo(0.96, 15);
    expect(record).toEqual({ kind: 'sgd', name: 'w', index: 0, lr: 0.01, theta: 1, grad: 4, delta: -0.04, thetaNew: p.get('w')![0] });
  });

  it('uses the learning rate set between steps', () => {
    const opt = createOptimizer({ kind: 'sgd', options: { lr: 0.5 } });
    const p = one('w', 0);
    opt.step(p, one('w', 1)); // 0 − 0.5·1 = −0.5
    opt.lr = 0.25;
    opt.step(p, one('w', 1)); // −0.5 − 0.25·1 = −0.75
    expect(p.get('w')![0]).toBe(-0.75);
  });
});

describe('SGD with momentum, by hand', () => {
  it('v ← g on the first step, then v ← μ·v + g; θ ← θ − α·v', () => {
    const opt = createOptimizer({ kind: 'momentum', options: { lr: 0.1, momentum: 0.9 } });
    const p = one('w', 0);
    const r1 = opt.step(p, one('w', 1), { name: 'w', index: 0 }) as MomentumUpdate;
    // v = g = 1, θ = 0 − 0.1·1 = −0.1
    expect(r1.vPrev).toBeNull();
    expect(r1.v).toBe(1);
    expect(p.get('w')![0]).toBeCloseTo(-0.1, 15);
    const r2 = opt.step(p, one('w', 1), { name: 'w', index: 0 }) as MomentumUpdate;
    // v = 0.9·1 + 1 = 1.9, θ = −0.1 − 0.1·1.9 = −0.29
    expect(r2.vPrev).toBe(1);
    expect(r2.v).toBeCloseTo(1.9, 15);
    expect(p.get('w')![0]).toBeCloseTo(-0.29, 15);
    const r3 = opt.step(p, one('w', -2), { name: 'w', index: 0 }) as MomentumUpdate;
    // v = 0.9·1.9 − 2 = −0.29, θ = −0.29 + 0.1·0.29 = −0.261
    expect(r3.v).toBeCloseTo(-0.29, 15);
    expect(r3.delta).toBeCloseTo(0.029, 15);
    expect(p.get('w')![0]).toBeCloseTo(-0.261, 15);
    expect(opt.buffers('w').v[0]).toBe(r3.v);
  });

  it('with μ = 0 is plain SGD and keeps no buffer, as torch does', () => {
    const opt = createOptimizer({ kind: 'momentum', options: { lr: 0.1, momentum: 0 } });
    const p = one('w', 0);
    opt.step(p, one('w', 1));
    opt.step(p, one('w', 1));
    expect(p.get('w')![0]).toBeCloseTo(-0.2, 15);
    expect(opt.buffers('w')).toEqual({});
  });
});

describe('Adam, by hand', () => {
  it('writes out m, v, m̂, v̂ and the step for two updates', () => {
    const opt = createOptimizer({ kind: 'adam', options: { lr: 0.1 } });
    const p = one('w', 0.5);
    const r1 = opt.step(p, one('w', 2), { name: 'w', index: 0 }) as AdamUpdate;
    // t = 1: m = 0.1·2 = 0.2, v = 0.001·2² = 0.004, 1−β₁ = 0.1, 1−β₂ = 0.001,
    // m̂ = 0.2/0.1 = 2, v̂ = 0.004/0.001 = 4, Δ = −0.1·2/(√4 + 1e-8) = −0.0999999995000000025
    expect(r1.t).toBe(1);
    expect(r1.m).toBeCloseTo(0.2, 15);
    expect(r1.v).toBeCloseTo(0.004, 15);
    expect(r1.biasCorrection1).toBeCloseTo(0.1, 15);
    expect(r1.biasCorrection2).toBeCloseTo(0.001, 15);
    expect(r1.mHat).toBeCloseTo(2, 14);
    expect(r1.vHat).toBeCloseTo(4, 13);
    expect(r1.delta).toBeCloseTo(-0.0999999995000000025, 15);
    expect(p.get('w')![0]).toBeCloseTo(0.4000000005, 15);
    const r2 = opt.step(p, one('w', -1), { name: 'w', index: 0 }) as AdamUpdate;
    // t = 2: m = 0.9·0.2 + 0.1·(−1) = 0.08, v = 0.999·0.004 + 0.001·1 = 0.004996,
    // 1−β₁² = 0.19, 1−β₂² = 0.001999, m̂ = 0.08/0.19 = 0.42105263157894737,
    // v̂ = 0.004996/0.001999 = 2.4992496248124062, √v̂ = 1.5809015228066567,
    // Δ = −0.1·0.42105263157894737/(1.5809015228066567 + 1e-8) = −0.026633703797568640
    expect(r2.mPrev).toBe(r1.m);
    expect(r2.m).toBeCloseTo(0.08, 15);
    expect(r2.v).toBeCloseTo(0.004996, 15);
    expect(r2.biasCorrection1).toBeCloseTo(0.19, 15);
    expect(r2.biasCorrection2).toBeCloseTo(0.001999, 15);
    expect(r2.mHat).toBeCloseTo(0.42105263157894737, 14);
    expect(r2.vHat).toBeCloseTo(2.4992496248124062, 12);
    expect(r2.delta).toBeCloseTo(-0.02663370379756864, 15);
    expect(p.get('w')![0]).toBeCloseTo(0.37336629670243136, 15);
  });

  it('takes a first step of about α against the sign of g, whatever its size', () => {
    for (const g of [2e-3, 2, 2e3]) {
      const opt = createOptimizer({ kind: 'adam', options: { lr: 0.1 } });
      const p = one('w', 0);
      opt.step(p, one('w', g));
      expect(p.get('w')![0]).toBeCloseTo(-0.1, 6);
    }
  });

  it('counts t per parameter: a parameter without a gradient is skipped', () => {
    const opt = createOptimizer({ kind: 'adam' });
    const params = new Map([['a', Float64Array.of(1)], ['b', Float64Array.of(1)]]);
    opt.step(params, new Map([['a', Float64Array.of(1)], ['b', Float64Array.of(1)]]));
    opt.step(params, new Map([['a', Float64Array.of(1)]]));
    expect(opt.steps('a')).toBe(2);
    expect(opt.steps('b')).toBe(1);
  });
});

const kinds = fc.constantFrom<OptimizerKind>(...OPTIMIZER_KINDS);
const finite = fc.double({ min: -100, max: 100, noNaN: true });

describe('the record of one entry', () => {
  it('is what step() did: thetaNew = theta + delta = the new value, and preview predicts it', () => {
    fc.assert(
      fc.property(kinds, fc.array(fc.array(finite, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 2 }), (kind, gradSteps, index) => {
        const opt = createOptimizer({ kind, options: { lr: 0.05 } });
        const p = new Map([['W', Float64Array.of(0.3, -0.2, 0.1)]]);
        for (const g of gradSteps) {
          const theta = p.get('W')![index];
          const predicted = opt.preview('W', index, theta, g[index]);
          const record = opt.step(p, new Map([['W', Float64Array.from(g)]]), { name: 'W', index })!;
          expect(record).toEqual(predicted);
          expect(record.theta).toBe(theta);
          expect(record.thetaNew).toBe(p.get('W')![index]);
          expect(record.theta + record.delta).toBe(record.thetaNew);
          if (record.kind === 'adam') expect(record.m).toBe(opt.buffers('W').m[index]);
          if (record.kind === 'momentum') expect(record.v).toBe(opt.buffers('W').v[index]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is null when nothing is watched', () => {
    const opt = createOptimizer({ kind: 'adam' });
    expect(opt.step(one('w', 1), one('w', 1))).toBeNull();
  });
});

describe('reset and shapes', () => {
  it('reset forgets the state, so the next step is a first step again', () => {
    const opt = createOptimizer({ kind: 'momentum', options: { lr: 1 } });
    const p = one('w', 0);
    opt.step(p, one('w', 1));
    opt.reset();
    const r = opt.step(p, one('w', 3), { name: 'w', index: 0 }) as MomentumUpdate;
    expect(r.vPrev).toBeNull();
    expect(p.get('w')![0]).toBe(-4);
  });

  it('refuses a parameter whose size changed, and a gradient of the wrong size', () => {
    const opt = createOptimizer({ kind: 'adam' });
    opt.step(one('w', 1), one('w', 1));
    expect(() => opt.step(new Map([['w', new Float64Array(2)]]), new Map([['w', new Float64Array(2)]]))).toThrow(/reset the optimizer/);
    expect(() => opt.step(one('u', 1), new Map([['u', new Float64Array(2)]]))).toThrow(/2 entries/);
  });

  it('refuses a learning rate changed to NaN or below 0', () => {
    const opt = createOptimizer({ kind: 'sgd' });
    opt.lr = Number.NaN;
    expect(() => opt.step(one('w', 1), one('w', 1))).toThrow(/learning rate/);
  });

  it('refuses to watch an entry the parameter does not have', () => {
    const opt = createOptimizer({ kind: 'sgd' });
    expect(() => opt.step(one('w', 1), one('w', 1), { name: 'w', index: 1 })).toThrow(/entry 1/);
  });
});

describe('optimizerProblem', () => {
  it('accepts the defaults of §10 and names what is wrong otherwise', () => {
    expect(optimizerProblem('sgd')).toBeNull();
    expect(optimizerProblem('adam', { lr: 0.001, beta1: 0.8 })).toBeNull();
    expect(optimizerProblem('rmsprop')).toMatchObject({ key: 'optim.unknown', params: { name: 'rmsprop', list: 'sgd, momentum, adam' } });
    expect(optimizerProblem('sgd', { lr: -1 })).toMatchObject({ key: 'option.range', option: 'lr', params: { range: '0 ≤ lr ≤ 1000000' } });
    expect(optimizerProblem('sgd', { lr: Number.NaN })).toMatchObject({ key: 'option.range', option: 'lr' });
    expect(optimizerProblem('momentum', { momentum: 1 })).toMatchObject({ key: 'option.range', params: { range: '0 ≤ momentum < 1' } });
    expect(optimizerProblem('sgd', { momentum: 0.9 })).toMatchObject({ key: 'option.unknown', params: { list: 'lr' } });
    expect(optimizerProblem('adam', { eps: -1e-8 })?.detail).toBe("eps = -1e-8 is out of range for 'adam': 0 ≤ eps ≤ 1");
    expect(() => createOptimizer({ kind: 'momentum', options: { momentum: 2 } })).toThrow(RangeError);
  });
});
