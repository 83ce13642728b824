// A data set as the trainer sees it: rows of features and targets, row-major.

export type DatasetKind = 'points' | 'image';

export interface DataSplit {
  /** rows × features, row-major. */
  readonly x: Float64Array;
  /** rows × classes one-hot for a classifier; rows × 1 for regression. */
  readonly y: Float64Array;
  /** The class of each row (0 … classes − 1); null for regression. */
  readonly labels: Int32Array | null;
  readonly rows: number;
}

export interface Dataset {
  readonly name: string;
  readonly kind: DatasetKind;
  /** The options it was made with, every default filled in. */
  readonly options: Readonly<Record<string, number>>;
  readonly features: number;
  /** Number of classes; null for regression. */
  readonly classes: number | null;
  /** [height, width] of an image set (features = height·width); null for points. */
  readonly imageShape: readonly [number, number] | null;
  /** A name per class (English) where the classes have names: Fashion-MNIST's. */
  readonly classNames: readonly string[] | null;
  readonly train: DataSplit;
  readonly test: DataSplit;
}
