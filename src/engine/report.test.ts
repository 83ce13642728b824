import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradReport, jsonNumber } from './report';

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
});
