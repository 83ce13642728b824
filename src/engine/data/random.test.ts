import { describe, expect, it } from 'vitest';
import { createRandom, permutation, subSeed } from './random';

describe('createRandom', () => {
  it('gives the same normals for a seed on every machine (pinned numbers)', () => {
    const rand = createRandom(0);
    // Box–Muller from mulberry32(0) with portableMath: only + − × ÷ √, so these are exact everywhere.
    expect([rand.normal(), rand.normal(), rand.normal(), rand.normal()]).toEqual([
      0.7871846599200555, 0.0016309335012816644, 0.43143961704601386, 0.5649690575787788,
    ]);
  });

  it('draws standard normals: mean 0, variance 1, 68% within one standard deviation', () => {
    const rand = createRandom(7);
    const n = 200_000;
    let sum = 0;
    let sq = 0;
    let within = 0;
    for (let i = 0; i < n; i++) {
      const z = rand.normal();
      sum += z;
      sq += z * z;
      if (Math.abs(z) < 1) within++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.01);
    expect(within / n).toBeCloseTo(0.6827, 2);
  });

  it('int(n) stays in 0 … n − 1 and reaches both ends', () => {
    const rand = createRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rand.int(5));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('permutation and subSeed', () => {
  it('permutation holds each index once, and depends on the seed', () => {
    const p = permutation(1000, 42);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(permutation(1000, 42)).toEqual(p);
    expect(permutation(1000, 43)).not.toEqual(p);
  });

  it('sub-streams of one seed differ from each other and from other seeds', () => {
    const seeds = new Set<number>();
    for (let seed = 0; seed < 50; seed++) for (let stream = 0; stream < 50; stream++) seeds.add(subSeed(seed, stream));
    expect(seeds.size).toBe(2500);
  });
});
