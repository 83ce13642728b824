import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradReport, jsonNumber, jsonTensor } from './report';

describe('gradReport', () => {
  it('names the output, its value and every input gradient', () => {
    expect(gradReport('x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z')).toEqual({
      output: 'f',
      value: -12,
      grads: { x: -4, y: -4, z: 3 },
    });
  });

  it('writes non-finite numbers as strings', () => {
    expect(gradReport('x = 0\nf = 1 / x')).toEqual({ output: 'f', value: 'Infinity', grads: { x: '-Infinity' } });
    expect([jsonNumber(NaN), jsonNumber(-Infinity), jsonNumber(2)]).toEqual(['NaN', '-Infinity', 2]);
  });
});

describe('gradReport of a tensor program (§9)', () => {
  it('gives a vector or matrix input its gradient as a nested array, a number input a number', () => {
    // L = sum((X @ w) * s): ∂L/∂X = s·wᵀ in every row, ∂L/∂w = s·(column sums of X), ∂L/∂s = sum(X @ w).
    expect(gradReport('X = [[1, 2], [3, 4], [5, 6]]\nw = [0.5, -1]\ns = 2\nL = sum((X @ w) * s)')).toEqual({
      output: 'L',
      value: 2 * (1 * 0.5 - 2 + 3 * 0.5 - 4 + 5 * 0.5 - 6),
      grads: {
        X: [
          [1, -2],
          [1, -2],
          [1, -2],
        ],
        w: [18, 24],
        s: -7.5,
      },
    });
  });

  it('writes non-finite entries as strings inside the arrays', () => {
    const report = gradReport('v = [0, 1, -1]\nL = sum(log(abs(v)) * [1, 0, 1])');
    expect(report.value).toBe('-Infinity');
    expect(report.grads.v).toEqual(['NaN', 0, -1]);
    expect(jsonTensor({ shape: [2, 2], data: Float64Array.of(1, Infinity, -Infinity, NaN) })).toEqual([
      [1, 'Infinity'],
      ['-Infinity', 'NaN'],
    ]);
  });
});

describe('npm run grad', () => {
  const cwd = join(__dirname, '../..');
  // As from a plain shell: not the npm settings of whatever npm runs this test.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_config_')));
  const dir = mkdtempSync(join(tmpdir(), 'chainstep-'));

  it('prints one JSON object for a file and exits 0', () => {
    const file = join(dir, 'circuit.txt');
    writeFileSync(file, 'x = 3\nf = x * x');
    const out = execFileSync('npm', ['run', '--silent', 'grad', '--', file], { cwd, env, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({ output: 'f', value: 9, grads: { x: 6 } });
  });

  it('reads stdin with -, and on a bad program prints line and column to stderr and exits 1', () => {
    const ok = spawnSync('npm', ['run', 'grad', '--', '-'], { cwd, env, input: 'a = 2; b = a ^ 3', encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ output: 'b', value: 8, grads: { a: 12 } });
    const bad = spawnSync('npm', ['run', 'grad', '--', '-'], { cwd, env, input: 'x = 2\nq = x +', encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/line 2, col \d+/);
  });

  it('prints a tensor program\'s gradients as nested arrays, and a shape error with line and column', () => {
    const file = join(dir, 'affine.txt');
    writeFileSync(file, 'X = [[1, 2, 3], [4, 5, 6]]\nW = [[0.5, -1], [0, 2], [1, 0.25]]\nb = [0.1, -0.2]\nY = X @ W + b\nL = sum(Y * Y)');
    const out = JSON.parse(execFileSync('npm', ['run', '--silent', 'grad', '--', file], { cwd, env, encoding: 'utf8' }));
    expect(out.output).toBe('L');
    expect(out.grads.b).toEqual([7.2 + 16.2, 7.1 + 14.6].map((x) => expect.closeTo(x, 12)));
    expect(out.grads.W).toHaveLength(3);
    expect(out.grads.W[0]).toHaveLength(2);
    expect(out.grads.X[1][2]).toBeCloseTo(16.2 * 1 + 14.6 * 0.25, 12);
    const bad = spawnSync('npm', ['run', 'grad', '--', '-'], { cwd, env, input: 'A = [[1, 2]]\nB = [[1, 2]]\nL = sum(A @ B)', encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('line 3, col 11: cannot multiply a 1×2 matrix by a 1×2 matrix with @');
  });
});
