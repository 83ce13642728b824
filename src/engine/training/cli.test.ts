import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ProgramError } from '../errors';
import { MAX_TRAIN_STEPS, parseTrainArgs, trainLines, TrainUsageError } from './cli';

const none = new Map();
const run = (text: string, argv: string[] = [], warn: (m: string) => void = () => undefined) =>
  [...trainLines(text, parseTrainArgs(argv), none, warn)].map((l) => JSON.parse(l));

describe('parseTrainArgs (CONTRACTS §10)', () => {
  it('defaults: 100 steps, lr 0.1, sgd, momentum 0.9, the full batch', () => {
    expect(parseTrainArgs([])).toEqual({ steps: 100, settings: { optimizer: 'sgd', lr: 0.1, momentum: 0.9, batch: undefined, seed: undefined } });
  });

  it('reads every flag', () => {
    const a = parseTrainArgs(['--steps', '7', '--lr', '0.01', '--optimizer', 'momentum', '--momentum', '0.5', '--batch', '16', '--seed', '3']);
    expect(a).toEqual({ steps: 7, settings: { optimizer: 'momentum', lr: 0.01, momentum: 0.5, batch: 16, seed: 3 } });
  });

  it('refuses unknown flags, bad values and runs too long to finish', () => {
    expect(() => parseTrainArgs(['--epochs', '3'])).toThrow(TrainUsageError);
    expect(() => parseTrainArgs(['--optimizer', 'rmsprop'])).toThrow(/sgd, momentum, adam/);
    expect(() => parseTrainArgs(['--lr', 'fast'])).toThrow(/--lr must be a number/);
    expect(() => parseTrainArgs(['--steps', String(MAX_TRAIN_STEPS * 10)])).toThrow(/10000000 is more than the 1,000,000 steps/);
  });
});

describe('trainLines', () => {
  it('prints the loss before each update, then the parameters', () => {
    // L = (w·x − y)² with w = 0.5, x = 2, y = 3: g = 2·(w x − y)·x = −8, so w ← 0.5 + 0.1·8 = 1.3.
    const lines = run('param w = 0.5\nx = 2\ny = 3\nL = (w * x - y) ^ 2', ['--steps', '2']);
    expect(lines).toEqual([{ step: 0, loss: 4 }, { step: 1, loss: (1.3 * 2 - 3) ** 2 }, { params: { w: 1.3 - 0.1 * 2 * (1.3 * 2 - 3) * 2 } }]);
  });

  it('without param every input trains; tensors print as nested arrays', () => {
    const lines = run('v = [1, -2]\nL = sum(v * v)', ['--steps', '1', '--lr', '0.25']);
    expect(lines.at(-1)).toEqual({ params: { v: [0.5, -1] } });
  });

  it('draws mini-batches from the data line', () => {
    const text = 'data X, Y = line(n=50, seed=1)\nparam w = 0.5\nL = mean((X * w - Y) ^ 2)';
    const full = run(text, ['--steps', '3']);
    const small = run(text, ['--steps', '3', '--batch', '8']);
    expect(full[1].loss).not.toBe(small[1].loss);
    expect(run(text, ['--steps', '3', '--batch', '8'])).toEqual(small);
    expect(run(text, ['--steps', '3', '--batch', '8', '--seed', '1'])).not.toEqual(small);
  });

  it('says what is wrong: no parameter, a batch larger than the data, a bad program, no data line', () => {
    expect(() => run('param x = 1\nw = 2\nL = x', ['--batch', '4'])).toThrow(/no data line/);
    expect(() => run('data X, Y = moons(n=20)\nL = sum(X)')).toThrow(/no parameter to train/);
    expect(() => run('data X, Y = moons(n=20)\nparam w = 1\nL = sum(X) * w', ['--batch', '500'])).toThrow(/larger than the 16 training rows/);
    let error: unknown;
    try {
      run('param w = 1\nL = w +');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ProgramError);
    expect((error as ProgramError).message).toContain('line 2');
  });

  it('warns once when the loss explodes or stops being finite, and keeps the contract of N lines', () => {
    const warnings: string[] = [];
    const lines = run('param x = 1\ny = 3\nL = (x * y) ^ 2', ['--steps', '40', '--lr', '1e6'], (m) => warnings.push(m));
    expect(lines).toHaveLength(41);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/smaller learning rate|too large/);
  });
});

describe('data line errors point at the keyword', () => {
  const err = (text: string) => {
    try {
      run(text);
    } catch (e) {
      return e as ProgramError;
    }
    throw new Error('expected an error');
  };
  it('an unknown data set, an option out of range, a batch too large', () => {
    expect(err('data X, Y = mnist()\nparam w = 1\nL = w').message).toMatch(/^line 1, col 13: unknown data set 'mnist'/);
    expect(err('data X, Y = moons(n=200, noise=7)\nparam w = 1\nL = w').message).toMatch(/^line 1, col 32: noise = 7 is out of range/);
    expect(err('data X, Y = moons(n=20, batch=100)\nparam w = 1\nL = w').message).toMatch(/^line 1, col 31: a batch of 100 rows is larger/);
  });
});

describe('npm run train', () => {
  it('runs as a command: JSON lines on stdout, errors on stderr with exit 1', () => {
    const ok = execFileSync('npx', ['tsx', 'scripts/train.ts', '-', '--steps', '2'], { input: 'param w = 2\nL = w * w', encoding: 'utf8' });
    const w1 = 2 - 0.1 * 4;
    expect(ok.trim().split('\n').map((l) => JSON.parse(l))).toEqual([{ step: 0, loss: 4 }, { step: 1, loss: w1 * w1 }, { params: { w: w1 - 0.1 * 2 * w1 } }]);
    const bad = spawnSync('npx', ['tsx', 'scripts/train.ts', '-'], { input: 'w = 1\nL = w +', encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('line 2');
  }, 30_000);
});
