// The data line of a program (§10): `data X, Y = moons(n=200, seed=1, batch=32)`
// names a data set; X and Y hold the features and targets of one mini-batch of
// its training rows, drawn in a seeded order. Training moves from batch to batch.
import type { Expr, Pos, Statement } from './ast';
import { batchProblem, createBatcher, datasetEntry, datasetProblem, gatherRows, makeDataset, type Dataset, type ImageAsset } from './data';
import { ProgramError } from './errors';
import type { Tensor } from './tensor/tensor';

export interface DataOptions {
  /** Image sets already loaded (the page loads them lazily; the command line reads them from disk). */
  readonly assets?: ReadonlyMap<string, ImageAsset>;
  /** Which mini-batch X and Y hold: iteration k of the seeded order, counted over epochs (default 0). */
  readonly iteration?: number;
  /** Rows per batch, replacing the data line's `batch`. */
  readonly batch?: number;
  /** Seed of the batch order (default 0). */
  readonly batchSeed?: number;
}

/** What a graph knows about its data line. */
export interface DataBinding {
  readonly dataset: Dataset;
  /** Node indices of X (features) and Y (targets). */
  readonly x: number;
  readonly y: number;
  readonly batch: number;
  readonly batchSeed: number;
  readonly iteration: number;
  /** The training rows in this batch. */
  readonly rows: Int32Array;
  readonly epoch: number;
  readonly perEpoch: number;
}

/** Image sets train on mini-batches of this many rows unless the program says otherwise. */
export const IMAGE_BATCH = 64;

const cache = new Map<string, Dataset>();

function numberOf(expr: Expr): number | null {
  if (expr.kind === 'num') return expr.value;
  if (expr.kind === 'unary' && expr.arg.kind === 'num') return -expr.arg.value;
  return null;
}

/** Reads the data line: the data set, its options, and the batch of `options.iteration`. */
export function readDataLine(st: Statement, options: DataOptions): { dataset: Dataset; x: Tensor; y: Tensor; binding: Omit<DataBinding, 'x' | 'y' | 'dataset'> } {
  const call = st.expr as Extract<Expr, { kind: 'call' }>;
  const values: Record<string, number> = {};
  const at = new Map<string, Pos>();
  let batchOption: number | undefined;
  for (const kw of call.kwargs) {
    const value = numberOf(kw.value);
    if (value === null) throw new ProgramError('badKeyword', kw.value.pos, `${kw.name} of ${call.fn} must be written as a number`, { name: kw.name, fn: call.fn });
    if (kw.name === 'batch') batchOption = value;
    else values[kw.name] = value;
    at.set(kw.name, kw.value.pos);
  }
  const problem = datasetProblem(call.fn, values);
  if (problem) {
    const pos = (problem.option && at.get(problem.option)) || call.pos;
    throw new ProgramError('dataSet', pos, problem.detail, { key: problem.key, ...problem.params });
  }
  const entry = datasetEntry(call.fn)!;
  const asset = entry.kind === 'image' ? options.assets?.get(call.fn) : undefined;
  if (entry.kind === 'image' && !asset) {
    throw new ProgramError('dataNotLoaded', call.pos, `the ${call.fn} images are not loaded yet`, { name: call.fn });
  }
  const key = `${call.fn}(${JSON.stringify(values)})`;
  let dataset = cache.get(key);
  if (!dataset) {
    dataset = makeDataset(call.fn, values, asset);
    if (cache.size > 16) cache.clear();
    cache.set(key, dataset);
  }
  const rows = dataset.train.rows;
  const batch = options.batch ?? batchOption ?? (entry.kind === 'image' ? Math.min(IMAGE_BATCH, rows) : rows);
  const trouble = batchProblem(rows, batch);
  if (trouble) throw new ProgramError('dataSet', at.get('batch') ?? call.pos, trouble.detail, { key: trouble.key, ...trouble.params });
  const batchSeed = options.batchSeed ?? 0;
  const iteration = options.iteration ?? 0;
  const batcher = createBatcher({ rows, batch, seed: batchSeed });
  const picked = batcher.at(iteration);
  const width = dataset.classes ?? 1;
  return {
    dataset,
    x: { shape: [picked.rows.length, dataset.features], data: gatherRows(dataset.train.x, dataset.features, picked.rows) },
    y: { shape: [picked.rows.length, width], data: gatherRows(dataset.train.y, width, picked.rows) },
    binding: { batch, batchSeed, iteration, rows: picked.rows, epoch: picked.epoch, perEpoch: batcher.perEpoch },
  };
}
