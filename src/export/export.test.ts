import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { compile, pyNumber } from '../engine';
import { LESSONS } from '../../fixtures/lessons';
import { tensorPrograms } from '../formulas/testTensorPrograms';
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

describe('stepLatex at tensor steps', () => {
  const AFFINE = compile('X = [[1, 2, 3], [4, 5, 6]]\nW = randn(3, 2, std=0.5, seed=1)\nb = [0.1, -0.2]\nY = X @ W + b\nL = sum(Y * Y)');

  it('writes the matrix rule with shapes, the numbers as bmatrix and the batch sum', () => {
    const tex = stepLatex(AFFINE, 8);
    expect(tex).toContain('\\underset{2}{\\frac{\\partial L}{\\partial b}} &= \\sum_{n}');
    expect(tex).toContain('\\begin{bmatrix} 2.505 + 8.834 & 7.068 + 14.44 \\end{bmatrix} = \\begin{bmatrix} 11.34 & 21.51 \\end{bmatrix}');
    expect(stepLatex(AFFINE, 9)).toContain('\\frac{\\partial L}{\\partial W} &= \\begin{bmatrix} 1 & 4 \\\\ 2 & 5 \\\\ 3 & 6 \\end{bmatrix}');
    expect(stepTexLines(AFFINE, 2)[1]).toMatch(/^Y = X\\,W \+ b = \\begin\{bmatrix\}/);
  });

  // What pdflatex with amsmath and xcolor knows: no KaTeX-only macros in exported tensor steps.
  const LATEX = new Set(['frac', 'partial', 'underset', 'times', 'top', 'begin', 'end', 'sum', 'left', 'right', 'odot', 'mathbf', 'operatorname', 'underbrace',
    'color', 'mathrel', 'cdots', 'cdot', 'mathrm', 'infty', 'log', 'ln', 'tanh', 'sigma', 'sin', 'cos', 'max', 'min', 'sqrt', 'ge', 'le', 'quad', 'hat', 'theta']);

  it('every line of every tensor step is valid KaTeX and uses only LaTeX (amsmath) macros and bmatrix', () => {
    for (const program of tensorPrograms()) {
      const c = compile(program);
      for (let s = 0; s <= c.trace.end; s++) {
        const lines = stepTexLines(c, s);
        for (const line of lines) {
          katex.renderToString(line, { throwOnError: true, strict: 'ignore' });
          expect(line).not.toContain('NaN');
          for (const [, macro] of line.matchAll(/\\([A-Za-z]+)/g)) expect(LATEX.has(macro), `\\${macro} in ${line}`).toBe(true);
          for (const [, env] of line.matchAll(/\\begin\{(\w+)\}/g)) expect(env).toBe('bmatrix');
          // The alignment point of align* is the first top-level =: never inside braces.
          const before = line.slice(0, / (\\mathrel\{\+\}=|=) /.exec(line)?.index ?? 0);
          expect(before.split('{').length, line).toBe(before.split('}').length);
        }
      }
    }
  });
});
