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
