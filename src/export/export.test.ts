import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compile, pyNumber } from '../engine';
import { stepLatex, stepTexLines } from './latex';
import { pyName, toPyTorch } from './pytorch';

const CIRCUIT = compile('x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z');

describe('toPyTorch', () => {
  it('writes the circuit as tensors with requires_grad and prints every gradient', () => {
    expect(toPyTorch(CIRCUIT.graph)).toBe(
      [
        'import torch',
        '',
        '# Same graph as in Chainstep; float64 so the numbers match.',
        'x = torch.tensor(-2.0, dtype=torch.float64, requires_grad=True)',
        'y = torch.tensor(5.0, dtype=torch.float64, requires_grad=True)',
        'z = torch.tensor(-4.0, dtype=torch.float64, requires_grad=True)',
        'q = x + y',
        'q.retain_grad()',
        'f = q * z',
        'f.retain_grad()',
        '',
        'f.backward()',
        "print('f =', f.item())",
        "print('df/dx =', x.grad.item())",
        "print('df/dy =', y.grad.item())",
        "print('df/dz =', z.grad.item())",
        "print('df/dq =', q.grad.item())",
        '',
      ].join('\n'),
    );
  });

  it('keeps precedence and writes functions with torch', () => {
    const code = toPyTorch(compile('a = 2\nb = 3\nf = -(a - b) ^ 2 / exp(a) + max(a, b)').graph);
    expect(code).toContain('f = -(a - b) ** 2.0 / torch.exp(torch.as_tensor(a, dtype=torch.float64)) + torch.maximum(torch.as_tensor(a, dtype=torch.float64), torch.as_tensor(b, dtype=torch.float64))');
  });

  it('writes numbers Python reads as the same floats, 1e21 and up included', () => {
    expect([pyNumber(3), pyNumber(-0.5), pyNumber(1e21), pyNumber(-2.5e300), pyNumber(Infinity)]).toEqual(['3.0', '-0.5', '1e+21', '-2.5e+300', "float('inf')"]);
  });

  it('renames Python keywords', () => {
    expect(pyName('lambda')).toBe('lambda_');
    expect(pyName('θ')).toBe('θ');
  });
});

describe('stepLatex', () => {
  it('writes the chain rule of a backward step as an align* block', () => {
    const tex = stepLatex(CIRCUIT, 5);
    expect(tex).toContain('\\begin{align*}');
    expect(tex).toContain('\\frac{\\partial f}{\\partial x} &= \\frac{\\partial f}{\\partial q} \\cdot \\frac{\\partial q}{\\partial x} = (-4) \\cdot 1 = -4');
  });

  it('every line of every step is valid KaTeX', () => {
    const c = compile('x = 3\na = x * 2\nb = x + 1\nf = a * b');
    for (let s = 0; s <= c.trace.end; s++) {
      for (const line of stepTexLines(c, s)) katex.renderToString(line, { throwOnError: true, strict: 'ignore' });
    }
  });
});
