import { describe, expect, it } from 'vitest';
import { accuracy, confusionMatrix, crossEntropyPerRow, meanSquaredError, nonFiniteProblem, predictions, worstRows } from './metrics';

// Three classes, four rows: predicted 0, 2, 0, 1 (the first of equal scores wins).
const SCORES = Float64Array.of(2, 1, 0, 0, 1, 3, 0.5, 0.5, 0, -1, 4, 4);
const LABELS = Int32Array.of(0, 1, 1, 2);

describe('classifier metrics', () => {
  it('predict the class with the largest score, or for one logit column class 1 above 0', () => {
    expect(Array.from(predictions(SCORES, 4))).toEqual([0, 2, 0, 1]);
    expect(Array.from(predictions(Float64Array.of(-0.5, 0, 2, Number.NaN), 4))).toEqual([0, 0, 1, -1]);
    expect(Array.from(predictions(Float64Array.of(Number.NaN, Number.NaN, -Infinity, -Infinity), 2))).toEqual([-1, 0]);
  });

  it('accuracy is the share of rows predicted right', () => {
    // rows 0 (0 = 0) right; 1 (2 ≠ 1), 2 (0 ≠ 1), 3 (1 ≠ 2) wrong
    expect(accuracy(SCORES, LABELS)).toBe(0.25);
    expect(accuracy(Float64Array.of(1, -1), Int32Array.of(1, 0))).toBe(1);
  });

  it('the confusion matrix counts true class × predicted class', () => {
    expect(Array.from(confusionMatrix(SCORES, LABELS, 3))).toEqual([
      1, 0, 0, // true 0: predicted 0
      1, 0, 1, // true 1: predicted 2 and 0
      0, 1, 0, // true 2: predicted 1
    ]);
  });

  it('the cross-entropy of a row is −log softmax at its label, stable for large scores', () => {
    // row (2, 1, 0), label 0: −log(e²/(e² + e + 1)) = log(1 + e⁻¹ + e⁻²) = 0.40760596444437
    const ce = crossEntropyPerRow(SCORES, LABELS);
    expect(ce[0]).toBeCloseTo(Math.log(1 + Math.exp(-1) + Math.exp(-2)), 14);
    expect(ce[0]).toBeCloseTo(0.40760596444437, 13);
    // the same row shifted by 1000 gives the same loss
    expect(crossEntropyPerRow(Float64Array.of(1002, 1001, 1000), Int32Array.of(0))[0]).toBeCloseTo(ce[0], 12);
    // one logit z = 2: label 1 costs log(1 + e⁻²), label 0 costs log(1 + e²)
    const binary = crossEntropyPerRow(Float64Array.of(2, 2, 800), Int32Array.of(1, 0, 0));
    expect(binary[0]).toBeCloseTo(Math.log1p(Math.exp(-2)), 15);
    expect(binary[1]).toBeCloseTo(Math.log1p(Math.exp(2)), 15);
    expect(binary[2]).toBe(800);
  });

  it('the worst rows come by loss, NaN first, ties in row order', () => {
    expect(Array.from(worstRows(Float64Array.of(0.1, 3, Number.NaN, 3, 0.5), 3))).toEqual([2, 1, 3]);
    expect(Array.from(worstRows(Float64Array.of(1, 2), 5))).toEqual([1, 0]);
    expect(worstRows(Float64Array.of(1), 0).length).toBe(0);
  });

  it('mean squared error for regression', () => {
    // ((1 − 2)² + (4 − 2)²) / 2 = 2.5
    expect(meanSquaredError(Float64Array.of(1, 4), Float64Array.of(2, 2))).toBe(2.5);
  });
});

describe('nonFiniteProblem', () => {
  it('names the row and column (from 1) of the first value that is not a finite number', () => {
    expect(nonFiniteProblem(Float64Array.of(1, 2, 3, 4), 2)).toBeNull();
    expect(nonFiniteProblem(Float64Array.of(1, 2, 3, Number.NaN, Infinity, 0), 2)).toEqual({
      key: 'data.nonFinite',
      params: { row: 2, col: 2, value: 'NaN' },
      detail: 'the data has NaN at row 2, column 2; every value must be a finite number',
    });
  });
});
