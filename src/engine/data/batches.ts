// Mini-batches as torch's DataLoader draws them (shuffle=True, drop_last=False):
// every epoch a seeded order of the rows, cut into batches of `batch` rows, the
// last one smaller when `batch` does not divide the rows. Iteration k (counted
// from 0 over all epochs) is batch k mod b of epoch ⌊k / b⌋, b = ⌈rows / batch⌉,
// so any iteration can be found again from (seed, k) alone.
import type { Problem } from './problem';
import { permutation, subSeed } from './random';

export interface BatchPlan {
  /** Rows of the training split. */
  readonly rows: number;
  /** Rows per batch (the full batch: rows). */
  readonly batch: number;
  readonly seed: number;
  /** false keeps the rows in order every epoch (torch: shuffle=False). Default true. */
  readonly shuffle?: boolean;
}

export interface Batch {
  readonly epoch: number;
  /** The batch's place in its epoch. */
  readonly index: number;
  /** The training rows of this batch, in order. */
  readonly rows: Int32Array;
}

/** What is wrong with a batch size for `rows` training rows, or null. */
export function batchProblem(rows: number, batch: number): Problem | null {
  if (!(Number.isInteger(batch) && batch >= 1)) {
    return { key: 'data.batchSize', params: { batch: String(batch) }, detail: `the batch size must be a whole number of at least 1, found ${batch}`, option: 'batch' };
  }
  if (batch > rows) {
    return {
      key: 'data.batchTooLarge',
      params: { batch, rows },
      detail: `a batch of ${batch} rows is larger than the ${rows} training rows; use a batch of at most ${rows}`,
      option: 'batch',
    };
  }
  return null;
}

export function batchesPerEpoch(plan: BatchPlan): number {
  return Math.ceil(plan.rows / plan.batch);
}

/** The order of the rows in epoch `epoch` (0, 1, …). */
export function epochOrder(plan: BatchPlan, epoch: number): Int32Array {
  if (plan.shuffle === false) return Int32Array.from({ length: plan.rows }, (_, i) => i);
  return permutation(plan.rows, subSeed(subSeed(plan.seed, 3), epoch));
}

/** The rows of iteration k of an order (within its epoch). */
export function batchRows(order: Int32Array, batch: number, index: number): Int32Array {
  return order.subarray(index * batch, Math.min(order.length, (index + 1) * batch));
}

/** Finds the batch of any iteration, keeping the current epoch's order between calls. */
export function createBatcher(plan: BatchPlan): { readonly perEpoch: number; at(iteration: number): Batch } {
  const problem = batchProblem(plan.rows, plan.batch);
  if (problem) throw new RangeError(problem.detail);
  const perEpoch = batchesPerEpoch(plan);
  let cached: { epoch: number; order: Int32Array } | null = null;
  return {
    perEpoch,
    at(iteration) {
      if (!(Number.isInteger(iteration) && iteration >= 0)) throw new RangeError(`iteration ${iteration} is not a whole number ≥ 0`);
      const epoch = Math.floor(iteration / perEpoch);
      const index = iteration - epoch * perEpoch;
      if (!cached || cached.epoch !== epoch) cached = { epoch, order: epochOrder(plan, epoch) };
      return { epoch, index, rows: batchRows(cached.order, plan.batch, index) };
    },
  };
}

/** Rows `rows` of a row-major matrix with `width` columns, as a new matrix (a batch's X or Y). */
export function gatherRows(matrix: Float64Array, width: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * width);
  for (let r = 0; r < rows.length; r++) out.set(matrix.subarray(rows[r] * width, rows[r] * width + width), r * width);
  return out;
}
