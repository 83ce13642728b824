// Seeded random numbers: the same seed gives the same numbers on every machine
// (the generator is part of a program's meaning, CONTRACTS §9). Normal numbers
// use log, sin and cos built from + − × ÷ √ alone (data/portableMath.ts), since
// Math.log and friends may differ in the last bit between JavaScript engines.
import { cosTurns, portableLog, sinTurns } from './data/portableMath';

/** mulberry32: a small deterministic generator, so a seed always gives the same weights. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Standard normal numbers by the Box–Muller transform, two from each pair of
 * uniform numbers (in (0, 1], so the logarithm is finite).
 */
export function seededNormal(seed: number): () => number {
  const rand = seededRandom(seed);
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const u = 1 - rand();
    const v = rand();
    const radius = Math.sqrt(-2 * portableLog(u));
    spare = radius * sinTurns(v);
    return radius * cosTurns(v);
  };
}
