import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compile } from '../engine';
import { LESSONS } from '../../fixtures/lessons';
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

  it('never writes a derivative with respect to a constant, in any step of any lesson', () => {
    // ∂y/∂3 or ∂(…)/∂(-2): a denominator that is only a number.
    const byConstant = /\\partial \(?-?[\d.]+\)?\}/;
    let lines = 0;
    for (const lesson of [...LESSONS.map((l) => l.program), 'x = 2\nf = x * 3 + 2 * (x - 1) / 4 + 2 * 3']) {
      const c = compile(lesson);
      for (let s = 0; s <= c.trace.end; s++) {
        for (const line of stepTexLines(c, s)) {
          lines++;
          expect(line, `${lesson} step ${s}`).not.toMatch(byConstant);
        }
      }
    }
    expect(lines).toBeGreaterThan(200);
  });

  it('the visit of y = 3 * s writes only the lines for s', () => {
    const c = compile('s = 2\nx = s ^ 2\ny = 3 * s\nz = x * y');
    const y = c.graph.nodes.findIndex((n) => n.label === 'y');
    expect(stepTexLines(c, c.trace.visitStep[y])).toEqual([
      '\\frac{\\partial y}{\\partial s} = 3',
      '\\frac{\\partial z}{\\partial s} \\mathrel{+}= \\frac{\\partial z}{\\partial y} \\cdot \\frac{\\partial y}{\\partial s} = 4 \\cdot 3 = 12',
      '\\frac{\\partial z}{\\partial s} = \\underbrace{12}_{y} + \\underbrace{\\color{gray}{?}}_{x} = 12',
    ]);
  });
});
