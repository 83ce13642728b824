import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchProblem, batchesPerEpoch, createBatcher, epochOrder, gatherRows } from './batches';

describe('mini-batches', () => {
  it('cover every row exactly once per epoch, the last batch taking what is left', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (rows, b, seed) => {
        const batch = Math.min(rows, b);
        const batcher = createBatcher({ rows, batch, seed });
        expect(batcher.perEpoch).toBe(Math.ceil(rows / batch));
        for (let epoch = 0; epoch < 3; epoch++) {
          const seen: number[] = [];
          for (let i = 0; i < batcher.perEpoch; i++) {
            const got = batcher.at(epoch * batcher.perEpoch + i);
            expect([got.epoch, got.index]).toEqual([epoch, i]);
            expect(got.rows.length).toBe(i < batcher.perEpoch - 1 ? batch : rows - batch * (batcher.perEpoch - 1));
            seen.push(...got.rows);
          }
          expect(seen.sort((a, c) => a - c)).toEqual(Array.from({ length: rows }, (_, k) => k));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('draw a new order each epoch, the same for the same seed wherever the run starts', () => {
    const plan = { rows: 100, batch: 10, seed: 9 };
    expect(epochOrder(plan, 1)).not.toEqual(epochOrder(plan, 0));
    expect(epochOrder({ ...plan, seed: 10 }, 0)).not.toEqual(epochOrder(plan, 0));
    const walked = createBatcher(plan);
    for (let k = 0; k < 57; k++) walked.at(k);
    // Iteration 57 is batch 7 of epoch 5, found directly by a fresh batcher too.
    expect(createBatcher(plan).at(57)).toEqual(walked.at(57));
    expect(walked.at(57).rows).toEqual(epochOrder(plan, 5).subarray(70, 80));
  });

  it('keep the rows in order without shuffling, and the full batch is one batch per epoch', () => {
    const batcher = createBatcher({ rows: 5, batch: 5, seed: 0, shuffle: false });
    expect(batcher.perEpoch).toBe(1);
    expect(Array.from(batcher.at(3).rows)).toEqual([0, 1, 2, 3, 4]);
    expect(batchesPerEpoch({ rows: 10, batch: 3, seed: 0 })).toBe(4);
  });

  it('report a batch larger than the data as a message, not a crash', () => {
    expect(batchProblem(160, 64)).toBeNull();
    expect(batchProblem(160, 160)).toBeNull();
    expect(batchProblem(160, 200)).toEqual({
      key: 'data.batchTooLarge',
      params: { batch: 200, rows: 160 },
      detail: 'a batch of 200 rows is larger than the 160 training rows; use a batch of at most 160',
      option: 'batch',
    });
    for (const bad of [0, -3, 2.5, Number.NaN]) expect(batchProblem(160, bad)?.key).toBe('data.batchSize');
    expect(() => createBatcher({ rows: 10, batch: 11, seed: 0 })).toThrow(/larger than the 10 training rows/);
    expect(() => createBatcher({ rows: 10, batch: 2, seed: 0 }).at(-1)).toThrow(RangeError);
  });

  it('gatherRows copies the chosen rows of a matrix in order', () => {
    const m = Float64Array.of(1, 2, 3, 4, 5, 6); // 3 rows × 2
    expect(Array.from(gatherRows(m, 2, Int32Array.of(2, 0)))).toEqual([5, 6, 1, 2]);
  });
});
