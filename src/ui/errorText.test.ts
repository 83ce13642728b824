import { describe, expect, it } from 'vitest';
import { compile, ProgramError } from '../engine';
import { errorText } from './errorText';

const errorOf = (text: string): ProgramError => {
  try {
    compile(text);
  } catch (e) {
    if (e instanceof ProgramError) return e;
  }
  throw new Error('compiled');
};

describe('data-line errors in Chinese', () => {
  it('a batch larger than the data is said with its own catalogue key', () => {
    const e = errorOf('data X, Y = moons(n=100, batch=500)\nL = mean(X)');
    expect(e.code).toBe('dataSet');
    expect(errorText('zh-CN', e)).toBe('第 1 行，第 32 列（line 1, col 32）：批大小 500 超过了训练集的 80 行；批大小最多为 80');
  });

  it('an option out of range, an unknown set, a second data line, a missing image set, and a failed load', () => {
    expect(errorText('zh-CN', errorOf('data X, Y = moons(n=1)\nL = mean(X)'))).toMatch(/^第 1 行，第 \d+ 列（line 1, col \d+）：n = 1 超出了“moons”允许的范围/);
    expect(errorText('zh-CN', errorOf('data X, Y = mnist()\nL = mean(X)'))).toMatch(/未知的数据集“mnist”/);
    expect(errorText('zh-CN', errorOf('data X, Y = moons()\ndata A, B = moons()\nL = mean(X)'))).toMatch(/^第 2 行.*第二行数据/);
    expect(errorText('zh-CN', errorOf('data X, Y = fashion()\nL = mean(X)'))).toBe('第 1 行，第 13 列（line 1, col 13）：fashion 图像还没有加载');
    const failed = new ProgramError('dataLoadFailed', { line: 2, col: 13 }, "the data set 'fashion' did not load", { name: 'fashion' });
    expect(errorText('zh-CN', failed)).toBe('第 2 行，第 13 列（line 2, col 13）：数据集“fashion”没有加载成功；请检查网络后重试（你的程序会保留）');
  });

  it('a code the catalogues do not know yet is said in English, not dropped', () => {
    const odd = new ProgramError('empty' as never, { line: 1, col: 1 }, 'something new', {});
    (odd as { code: string }).code = 'notInTheCatalogue';
    expect(errorText('zh-CN', odd)).toBe('第 1 行，第 1 列（line 1, col 1）：something new');
  });
});
