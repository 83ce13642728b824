// What the page shows about a classifier: predictions, accuracy, a confusion
// matrix and the worst-classified examples; and checks on data it is given.
// Scores are rows × columns, row-major: one column per class (the class with
// the largest score is predicted), or a single column of logits for two
// classes (class 1 where the score is > 0).
import type { Problem } from './problem';

/** The predicted class of each row; −1 where no score is a number (NaN). */
export function predictions(scores: Float64Array, rows: number): Int32Array {
  const cols = scores.length / rows;
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    if (cols === 1) {
      const z = scores[r];
      out[r] = Number.isNaN(z) ? -1 : z > 0 ? 1 : 0;
      continue;
    }
    let best = -1;
    let bestScore = -Infinity;
    for (let c = 0; c < cols; c++) {
      const s = scores[r * cols + c];
      if (s > bestScore || (best === -1 && s === -Infinity)) {
        best = c;
        bestScore = s;
      }
    }
    out[r] = best;
  }
  return out;
}

/** Share of rows whose predicted class is their label (0 … 1). */
export function accuracy(scores: Float64Array, labels: Int32Array): number {
  const predicted = predictions(scores, labels.length);
  let right = 0;
  for (let r = 0; r < labels.length; r++) if (predicted[r] === labels[r]) right++;
  return labels.length ? right / labels.length : 0;
}

/**
 * counts[true · classes + predicted]: row = the true class, column = the predicted
 * one. Rows predicted −1 (NaN scores) are in no cell.
 */
export function confusionMatrix(scores: Float64Array, labels: Int32Array, classes: number): Int32Array {
  const predicted = predictions(scores, labels.length);
  const counts = new Int32Array(classes * classes);
  for (let r = 0; r < labels.length; r++) if (predicted[r] >= 0) counts[labels[r] * classes + predicted[r]]++;
  return counts;
}

/** log(1 + eˣ) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * Each row's cross-entropy loss: −log softmax(scores)[label] (log-sum-exp with the
 * row's maximum taken out, so large scores do not overflow); for one logit column,
 * the binary cross-entropy of sigmoid(z).
 */
export function crossEntropyPerRow(scores: Float64Array, labels: Int32Array): Float64Array {
  const rows = labels.length;
  const cols = scores.length / rows;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    if (cols === 1) {
      const z = scores[r];
      out[r] = labels[r] === 1 ? softplus(-z) : softplus(z);
      continue;
    }
    let max = -Infinity;
    for (let c = 0; c < cols; c++) max = Math.max(max, scores[r * cols + c]);
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += Math.exp(scores[r * cols + c] - max);
    out[r] = max + Math.log(sum) - scores[r * cols + labels[r]];
  }
  return out;
}

/** The k rows with the highest loss, worst first; NaN counts as the worst; ties keep row order. */
export function worstRows(losses: Float64Array, k: number): Int32Array {
  const key = (i: number) => (Number.isNaN(losses[i]) ? Infinity : losses[i]);
  const rows = Array.from({ length: losses.length }, (_, i) => i);
  rows.sort((a, b) => key(b) - key(a) || a - b);
  return Int32Array.from(rows.slice(0, Math.max(0, k)));
}

/** Mean of (prediction − target)² over all entries, for regression. */
export function meanSquaredError(predicted: Float64Array, targets: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < targets.length; i++) sum += (predicted[i] - targets[i]) ** 2;
  return targets.length ? sum / targets.length : 0;
}

/** The first entry of a row-major matrix that is not a finite number, as a problem (row and column from 1). */
export function nonFiniteProblem(matrix: Float64Array, width: number): Problem | null {
  for (let i = 0; i < matrix.length; i++) {
    if (!Number.isFinite(matrix[i])) {
      const row = Math.floor(i / width) + 1;
      const col = (i % width) + 1;
      const value = String(matrix[i]);
      return { key: 'data.nonFinite', params: { row, col, value }, detail: `the data has ${value} at row ${row}, column ${col}; every value must be a finite number` };
    }
  }
  return null;
}
