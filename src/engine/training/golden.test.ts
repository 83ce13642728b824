// `npm run train` against PyTorch: every loss of every step and the final
// parameters of the runs in fixtures/trainingRuns.ts, made by scripts/golden/train.py.
import { describe, expect, it } from 'vitest';
import golden from '../../../fixtures/golden/train.json';
import { TRAINING_RUNS } from '../../../fixtures/trainingRuns';
import { loadImageAsset } from '../../data/loadNode';
import type { ImageAsset } from '../data';
import { trainLines } from './cli';

const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

function flat(x: unknown): number[] {
  return Array.isArray(x) ? x.flatMap(flat) : [x as number];
}

describe('training runs match PyTorch step for step', () => {
  it('has a golden run for every case', () => {
    expect(golden.runs.map((r) => r.name)).toEqual(TRAINING_RUNS.map((r) => r.name));
  });

  for (const run of TRAINING_RUNS) {
    it(run.name, async () => {
      const assets = new Map<string, ImageAsset>([['digits', await loadImageAsset('digits')]]);
      const lines = [...trainLines(run.program, run.args, assets, () => undefined)].map((l) => JSON.parse(l));
      const expected = golden.runs.find((r) => r.name === run.name)!;
      const losses = lines.slice(0, -1).map((l) => l.loss as number);
      expect(losses).toHaveLength(expected.losses.length);
      losses.forEach((loss, k) => expect(close(loss, expected.losses[k], 1e-10), `step ${k}: ${loss} vs ${expected.losses[k]}`).toBe(true));
      const params = lines.at(-1).params as Record<string, unknown>;
      expect(Object.keys(params).sort()).toEqual(Object.keys(expected.params).sort());
      for (const [name, value] of Object.entries(expected.params)) {
        const mine = flat(params[name]);
        flat(value).forEach((x, i) => expect(close(mine[i], x, 1e-9), `${name}[${i}]`).toBe(true));
      }
    });
  }
});
