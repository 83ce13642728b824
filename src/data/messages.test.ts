// The data and optimizer problems are said in the page through the catalogues:
// every key exists in both, and the English catalogue says what the engine's
// English detail says (the command line prints the detail).
import { describe, expect, it } from 'vitest';
import { batchProblem } from '../engine/data/batches';
import { nonFiniteProblem } from '../engine/data/metrics';
import { PROBLEM_KEYS, type Problem } from '../engine/data/problem';
import { DATASETS, datasetProblem } from '../engine/data/registry';
import { optimizerProblem } from '../engine/optim/optimizer';
import { en, type MessageKey } from '../i18n/en';
import { t } from '../i18n/index';
import { zhCN } from '../i18n/zh-CN';
import { loadFailed } from './dataset';

describe('data and optimizer messages', () => {
  it('every problem key, data set name and Fashion-MNIST class is in both catalogues', () => {
    const keys: string[] = [...PROBLEM_KEYS, ...DATASETS.map((d) => `data.set.${d.name}`), ...Array.from({ length: 10 }, (_, i) => `data.fashion.${i}`)];
    for (const key of keys) {
      expect(en, key).toHaveProperty([key]);
      expect(zhCN, key).toHaveProperty([key]);
    }
  });

  it('the English catalogue says what the engine says', () => {
    const problems: Problem[] = [
      datasetProblem('moon')!,
      datasetProblem('moons', { classes: 2 })!,
      datasetProblem('moons', { n: 3 })!,
      datasetProblem('spiral', { classes: 2.5 })!,
      batchProblem(10, 0)!,
      batchProblem(10, 64)!,
      nonFiniteProblem(Float64Array.of(Number.NaN), 1)!,
      optimizerProblem('rmsprop')!,
      optimizerProblem('momentum', { momentum: 1 })!,
    ];
    for (const p of problems) expect(t('en', p.key as MessageKey, p.params)).toBe(p.detail);
  });

  it('a failed load says so in both languages, naming the data set', () => {
    const { problem } = loadFailed('fashion', new Error('404'));
    expect(t('en', problem.key as MessageKey, problem.params)).toBe("The data set 'fashion' did not load. Reload the page to try again; your program is kept.");
    expect(t('zh-CN', problem.key as MessageKey, problem.params)).toContain('fashion');
  });
});
