// Tensor programs for the end-to-end tests, the screenshots and the browser bench.

/** The example of CONTRACTS §9, with W written out so tests can work out its numbers. */
export const AFFINE = 'X = [[1, 2, 3], [4, 5, 6]]\nW = [[0.5, -1], [2, 0.25], [-0.5, 1.5]]\nb = [0.1, -0.2]\nY = X @ W + b\nL = sum(Y * Y)';

/** A one-hot target matrix: row i has its 1 in column (7 i) mod classes. */
function oneHot(rows: number, classes: number): string {
  const row = (i: number) => `[${Array.from({ length: classes }, (_, j) => (j === (i * 7) % classes ? 1 : 0)).join(', ')}]`;
  return `[${Array.from({ length: rows }, (_, i) => row(i)).join(', ')}]`;
}

/**
 * The two-layer network `X @ W1 + b1`, ReLU, `@ W2 + b2`, softmax with
 * cross-entropy, at `batch` rows of `inputs` features: batch 4 with 3 inputs
 * draws grids; batch 64 with 784 inputs (MNIST's size) draws heatmaps.
 */
export function twoLayer(batch: number, inputs: number, hidden: number, classes: number): string {
  return [
    `X = uniform(${batch}, ${inputs}, low=0, high=1, seed=1)`,
    `param W1 = randn(${inputs}, ${hidden}, std=${inputs > 100 ? 0.05 : 0.5}, seed=2)`,
    `param b1 = zeros(${hidden})`,
    'H = relu(X @ W1 + b1)',
    `param W2 = randn(${hidden}, ${classes}, std=0.5, seed=3)`,
    `param b2 = zeros(${classes})`,
    'Y = H @ W2 + b2',
    `T = ${oneHot(batch, classes)}`,
    'L = softmax_cross_entropy(Y, T)',
  ].join('\n');
}

export const TWO_LAYER_BATCH4 = twoLayer(4, 3, 5, 2);
export const TWO_LAYER_MNIST = twoLayer(64, 784, 16, 10);
