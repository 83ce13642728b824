import { describe, expect, it } from 'vitest';
import { compile, ProgramError } from '../engine';
import { en } from '../i18n/en';
import { errorText } from './errorText';

function errorOf(text: string): ProgramError {
  try {
    compile(text);
  } catch (err) {
    if (err instanceof ProgramError) return err;
    throw err;
  }
  throw new Error(`no error for ${text}`);
}

/** One bad Python program for each error the Python reader gives. */
const PYTHON_ERRORS = [
  "a = Value(2.0, label='a)",
  'x = Value(1.0)\n  y = x',
  'x = Value(1.0)\ny = x // 2',
  'x = Value(1.0)\nfor i in range(3):\n  x = x * 2',
  'def f(x):\n  return x',
  'x = Value(1.0)\nassert x.data == 1',
  'x = Value(1.0)\ny = x[0]',
  'xs = [Value(v) for v in [1.0]]',
  'x = Value(1.0)\na, b = x',
  'x = Value(1.0)\nx.requires_grad = 1',
  'x = Value(1.0)\nx.grad = 0',
  'x = Value(1.0)\n(x * 2).backward()',
  'x = Value(1.0)\nx * 2',
  'x = Value(1.0)\nx.backward()\nx.backward()',
  "x = Value(1.0, 'x')",
  'x = Value()',
  'x = torch.Tensor(2.0)',
  'x = torch.tensor(2, dtype=torch.int64)',
  'x = Value(1.0, label=2)',
  'x = Value(1.0)\ny = x * w',
  "x = Value(1.0)\ny = x * 'a'",
  'x = Value(1.0)\ny = x * [1, 2]',
  'x = Value(1.0)\ny = x.data',
  'x = Value(1.0)\ny = x.gelu()',
  'model = MLP(2, [16, 1])',
  'x = Value(1.0)\ny = x * Value(2.0)',
  'x = torch.tensor([[1., 2.]])\ny = x.sum(dim=2)',
];

describe('errorText for the Python reader', () => {
  it('every Python error has a message in the catalogue, and the Chinese text keeps line and column', () => {
    const codes = new Set<string>();
    for (const program of PYTHON_ERRORS) {
      const err = errorOf(program);
      codes.add(err.code);
      expect(`error.${err.code}` in en, err.code).toBe(true);
      const zh = errorText('zh-CN', err);
      expect(zh, program).toContain(`第 ${err.line} 行，第 ${err.col} 列`);
      expect(zh, program).toMatch(/[\u4e00-\u9fff]/);
      expect(zh, program).not.toMatch(/\{\w+\}/); // every placeholder filled
      expect(errorText('en', err)).toBe(err.message);
    }
    // the list covers every code the reader adds
    const pythonCodes = Object.keys(en).filter((k) => k.startsWith('error.py')).map((k) => k.slice('error.'.length));
    expect(pythonCodes.filter((c) => !codes.has(c))).toEqual([]);
  });
});

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
