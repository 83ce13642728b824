// `npm run grad -- FILE.py` (CONTRACTS §7) reads micrograd and PyTorch programs (§11).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PYTHON_EXAMPLES } from '../../../fixtures/python';

const cwd = join(__dirname, '../../..');
// As from a plain shell: not the npm settings of whatever npm runs this test.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_config_')));
const dir = mkdtempSync(join(tmpdir(), 'chainstep-py-'));

function grad(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const run = spawnSync('npm', ['run', '--silent', 'grad', '--', file], { cwd, env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, json: run.status === 0 ? JSON.parse(run.stdout) : null };
}

describe('npm run grad on Python files', () => {
  it("micrograd's test_sanity_check: y = -20, x.grad = 46", () => {
    expect(grad('sanity.py', PYTHON_EXAMPLES.sanityMicrograd.text).json).toEqual({ output: 'y', value: -20, grads: { x: 46 } });
  });

  it("micrograd's test_more_ops in PyTorch form: the output named by g.backward(), a and b by their variables", () => {
    const { json } = grad('more_ops.py', `import torch\n${PYTHON_EXAMPLES.moreOpsTorch.text}`);
    expect(json.output).toBe('g');
    expect(json.value).toBeCloseTo(24.70408163265306, 10);
    expect(Object.keys(json.grads)).toEqual(['a', 'b']);
    expect(json.grads.a).toBeCloseTo(138.83381924198252, 10);
    expect(json.grads.b).toBeCloseTo(645.5772594752186, 10);
  });

  it('every micrograd form in one file: labels, methods, numbers mixed in, +=, backward', () => {
    const text = [
      'from micrograd.engine import Value',
      "a = Value(2.0, label='a')",
      'b = Value(-3.0)',
      "b.label = 'b'",
      'c = a * b + 10.0 / a - b ** 2 + (-a)',
      'c += c.relu() + (2 * a).tanh() + b.exp()',
      'c.backward()',
      "print(a.grad, b.grad)",
    ].join('\n');
    const { json } = grad('forms.py', text);
    // c = a·b + 10/a − b² − a = −6 + 5 − 9 − 2 = −12; c′ = c + relu(c) + tanh(2a) + e^b
    const [av, bv] = [2, -3];
    const c1 = av * bv + 10 / av - bv ** 2 - av;
    expect(json.output).toBe('c');
    expect(json.value).toBeCloseTo(c1 + Math.max(c1, 0) + Math.tanh(2 * av) + Math.exp(bv), 12);
    // ∂c′/∂a = ∂c/∂a · (1 + [c > 0]) + 2(1 − tanh²(2a)), ∂c/∂a = b − 10/a² − 1
    expect(json.grads.a).toBeCloseTo((bv - 10 / av ** 2 - 1) * 1 + 2 * (1 - Math.tanh(2 * av) ** 2), 12);
    expect(json.grads.b).toBeCloseTo((av - 2 * bv) * 1 + Math.exp(bv), 12);
  });

  it('every PyTorch scalar form in one file', () => {
    const text = [
      'import torch',
      'x = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)',
      'y = torch.tensor(-2.0, requires_grad=True).double()',
      'u = torch.relu(x) + torch.tanh(x) + torch.sigmoid(y) + torch.exp(x) + torch.log(x) + torch.sin(y) + torch.cos(y) + torch.abs(y) + torch.sqrt(x)',
      'u.retain_grad()',
      'v = x.relu() * y.abs() + torch.maximum(x, y) - torch.minimum(x, y)',
      'L = u * v',
      'L.backward()',
      "print('dL/dx', x.grad.item())",
    ].join('\n');
    const { json } = grad('torch.py', text);
    const [x, y] = [0.5, -2];
    const sig = 1 / (1 + Math.exp(-y));
    const u = x + Math.tanh(x) + sig + Math.exp(x) + Math.log(x) + Math.sin(y) + Math.cos(y) + Math.abs(y) + Math.sqrt(x);
    const v = x * Math.abs(y) + x - y;
    const du = { x: 1 + (1 - Math.tanh(x) ** 2) + Math.exp(x) + 1 / x + 0.5 / Math.sqrt(x), y: sig * (1 - sig) + Math.cos(y) - Math.sin(y) - 1 };
    const dv = { x: Math.abs(y) + 1, y: x * -1 - 1 };
    expect(json.output).toBe('L');
    expect(json.value).toBeCloseTo(u * v, 12);
    expect(json.grads.x).toBeCloseTo(du.x * v + u * dv.x, 12);
    expect(json.grads.y).toBeCloseTo(du.y * v + u * dv.y, 12);
  });

  it('a bad Python program: the error points into the Python on stderr, exit 1', () => {
    const run = grad('bad.py', "a = Value(2.0, label='a')\nfor i in range(3):\n    a = a * 2\n");
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^line 2, col 1: a 'for' loop is not supported/);
  });
});
