// Seeded random numbers that are the same on every machine: the engine's
// mulberry32 for uniforms and Box–Muller (with portableMath's log and cos/sin)
// for normals. A data set, a shuffle and an epoch's order are functions of
// their seed alone.
import { seededRandom } from '../random';
import { cosTurns, portableLog, sinTurns } from './portableMath';

export interface Random {
  /** Uniform in [0, 1), a multiple of 2⁻³². */
  uniform(): number;
  /** Standard normal (mean 0, standard deviation 1), by Box–Muller; draws come in pairs. */
  normal(): number;
  /** A uniform integer in 0 … n − 1. */
  int(n: number): number;
}

export function createRandom(seed: number): Random {
  const next = seededRandom(seed);
  let spare: number | null = null;
  return {
    uniform: next,
    normal() {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return z;
      }
      const u1 = 1 - next(); // in (0, 1]: log(u1) is finite
      const u2 = next();
      const r = Math.sqrt(-2 * portableLog(u1));
      spare = r * sinTurns(u2);
      return r * cosTurns(u2);
    },
    int: (n) => Math.floor(next() * n),
  };
}

/** murmur3's finaliser: spreads the bits of a 32-bit integer. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A seed for sub-stream `stream` of `seed` (the points, the split, the order of
 * epoch k), so that changing one part (the test fraction) leaves the others.
 */
export function subSeed(seed: number, stream: number): number {
  return mix32((seed >>> 0) ^ mix32((stream >>> 0) + 0x9e3779b9));
}

/** A seeded Fisher–Yates shuffle of 0 … n − 1. */
export function permutation(n: number, seed: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const rand = createRandom(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = rand.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}
