// The messages between the page and the training worker. Everything is plain
// data (typed arrays included), so the same host also runs inside the page.
import type { Chunk, Divergence, Evaluation } from '../engine/training/runner';
import type { TrainSettings } from '../engine/training/session';
import type { ImageAsset } from '../engine/data/imageAsset';
import type { ImageSetName } from '../engine/data/registry';
import type { UpdateRecord } from '../engine/optim';
import type { ProductKernel } from '../engine/tensor/matmul';

export type ToTrainer =
  | { type: 'start'; text: string; settings: TrainSettings }
  | { type: 'run' }
  | { type: 'pause' }
  | { type: 'step'; count: number }
  | { type: 'setLr'; lr: number }
  /** The parameter entry whose update is written out. */
  | { type: 'watch'; id: string; index: number }
  | { type: 'openIteration'; request: number; iteration: number }
  | { type: 'insights' }
  | { type: 'stop' }
  /** An image set the worker could not load itself (a worker made from a blob: URL, in a page opened from file://). */
  | { type: 'asset'; name: ImageSetName; asset: ImageAsset | null; error?: string };

/** What the page needs to know of a run's data set and parameters to draw it. */
export interface RunInfo {
  readonly params: readonly { id: string; name: string; shape: readonly number[] }[];
  readonly dataset: {
    readonly name: string;
    readonly kind: 'points' | 'image';
    readonly classes: number | null;
    readonly features: number;
    readonly imageShape: readonly [number, number] | null;
    readonly classNames: readonly string[] | null;
    readonly trainRows: number;
    readonly testRows: number;
    readonly perEpoch: number;
    readonly batch: number;
    /** For 2-D sets: every point (train then test) and its label, to draw under the boundary. */
    readonly points: { readonly x: Float64Array; readonly labels: Int32Array | null; readonly y: Float64Array; readonly trainRows: number } | null;
  } | null;
  readonly evaluation: Evaluation;
}

/** The decision boundary: the predicted class's probability-like score over a grid of the plane. */
export interface Boundary {
  readonly resolution: number;
  /** [x0, x1, y0, y1] of the grid. */
  readonly extent: readonly [number, number, number, number];
  /** For each grid cell (row-major, y from top), the predicted class and how sure (0..1). */
  readonly classes: Int32Array;
  readonly confidence: Float32Array;
}

export interface Insights {
  readonly iteration: number;
  /** classes × classes counts on the test split (rows: true class, columns: predicted). */
  readonly confusion: Int32Array | null;
  /** The test rows with the highest loss, worst first, and their predicted classes. */
  readonly worst: readonly { row: number; label: number; predicted: number; loss: number }[];
  /** For image sets: each class's weights from the pixels (a column of the first weight matrix over the pixels). */
  readonly weights: { readonly param: string; readonly images: readonly Float64Array[] } | null;
}

/** Progress carries the parameters themselves when they hold at most this many numbers. */
export const SMALL_PARAMS = 64;

export type FromTrainer =
  | { type: 'ready'; info: RunInfo }
  | {
      type: 'progress';
      chunk: Chunk;
      epoch: number;
      running: boolean;
      update: UpdateRecord | null;
      /** Every parameter's current values, when they are few (SMALL_PARAMS numbers in all): the page shows them. */
      params?: readonly { id: string; data: Float64Array }[];
      /** Which kernel ran the trainer's last matrix product (null: none yet); 'js' for a large one means WebAssembly is refused here. */
      kernel: ProductKernel | null;
    }
  | { type: 'boundary'; boundary: Boundary; iteration: number }
  | {
      type: 'iteration';
      request: number;
      iteration: number;
      params: readonly { id: string; shape: readonly number[]; data: Float64Array }[];
      /** What update `iteration` does to the watched entry (replayed with the watch). */
      update: UpdateRecord | null;
    }
  | { type: 'insights'; insights: Insights }
  /** Asks the page for an image set (answered with an 'asset' message); never reaches the page's listeners. */
  | { type: 'needAsset'; name: ImageSetName }
  | { type: 'error'; message: string; line: number | null; col: number | null; diverged?: Divergence };
