// The handout compiles with pdflatex as written (texlive-latex-base only: .ci/run installs it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../fixtures/lessons';
import { compile, networkProgram } from '../engine';
import { tensorPrograms } from '../formulas/testTensorPrograms';
import { handoutLatex } from './handout';
import { stepTexParts } from './latex';
import { pdfListingLine, pdfMath, pdfText } from './pdfSafe';

const CIRCUIT = 'x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z';

/** Runs pdflatex on `tex`; returns its log. Throws (with the log's error lines) when it fails. */
function pdflatex(name: string, tex: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'chainstep-handout-'));
  writeFileSync(join(dir, `${name}.tex`), tex);
  try {
    execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', `${name}.tex`], { cwd: dir, stdio: 'pipe', timeout: 60_000 });
  } catch (error) {
    const log = existsSync(join(dir, `${name}.log`)) ? readFileSync(join(dir, `${name}.log`), 'utf8') : String(error);
    throw new Error(`pdflatex failed on ${name}:\n${log.split('\n').filter((l) => l.startsWith('!') || l.startsWith('l.')).join('\n') || log.slice(-2000)}`);
  }
  expect(existsSync(join(dir, `${name}.pdf`))).toBe(true);
  return readFileSync(join(dir, `${name}.log`), 'utf8');
}

describe('handoutLatex', () => {
  it('holds the program, every forward value and every backward step, in order, in the step panel\'s TeX', () => {
    const c = compile(CIRCUIT);
    const tex = handoutLatex(c, CIRCUIT, { title: 'The circuit (x + y) · z' });
    expect(tex.startsWith('\\documentclass')).toBe(true);
    expect(tex).toContain('\\section*{The circuit (x + y) \\ensuremath{\\cdot} z}');
    expect(tex).toContain('\\begin{alltt}\nx = -2\ny = 5\nz = -4\nq = x + y\nf = q * z\n\\end{alltt}');
    expect(tex).toContain('q &= x + y = -2 + 5 = 3 \\tag*{step 1}');
    expect(tex).toContain('f &= q \\cdot z = 3 \\cdot (-4) = -12 \\tag*{step 2}');
    expect(tex).toContain('\\frac{\\partial f}{\\partial f} &= 1');
    // Step 5 visits q: the local rule, then the chain rule, as in the panel.
    const five = tex.indexOf('\\paragraph{Step 5: backward pass at $q$.} Add passes the gradient through unchanged to both inputs.');
    expect(five).toBeGreaterThan(0);
    const chain = '\\frac{\\partial f}{\\partial x} &= \\frac{\\partial f}{\\partial q} \\cdot \\frac{\\partial q}{\\partial x} = (-4) \\cdot 1 = -4';
    expect(tex.indexOf(chain)).toBeGreaterThan(five);
    expect(tex.indexOf('\\paragraph{Step 4: backward pass at $f$.}')).toBeLessThan(five);
    // Inputs at the end, with their final gradients.
    expect(tex).toContain('\\frac{\\partial f}{\\partial z} &= 3');
    expect(tex.trimEnd().endsWith('\\end{document}')).toBe(true);
    // Every math line of every step appears (after the pdflatex-safe rewrite).
    for (let s = 1; s <= c.trace.end; s++) {
      const p = stepTexParts(c, s);
      for (const line of [...p.compute, ...p.local, ...p.chain, ...p.sums]) expect(tex).toContain(pdfMath(line).replace(/ (\\mathrel\{\+\}=|=) /, ' &$1 '));
    }
  });

  it('writes the running sum of a value used twice, and no line for a constant', () => {
    const program = 's = 2\nx = s ^ 2\ny = 3 * s\nz = x * y';
    const tex = handoutLatex(compile(program), program);
    expect(tex).toContain('\\underbrace{12}_{y} + \\underbrace{\\color{gray}{?}}_{x} = 12');
    expect(tex).toContain('\\underbrace{12}_{y} + \\underbrace{24}_{x} = 36');
    expect(tex).not.toMatch(/\\partial \(?-?[\d.]+\)?\}/);
    expect(tex).not.toContain('Step 7:'); // the constant's own step
  });

  it('makes names, comments and words safe for pdflatex without CJK or Greek fonts', () => {
    expect(pdfMath('\\frac{\\partial L}{\\partial θ}')).toBe('\\frac{\\partial L}{\\partial {\\theta}}');
    expect(pdfMath('\\text{价格}')).toBe('\\text{\\text{[U+4EF7]}\\text{[U+683C]}}');
    expect(pdfText('Multiply: a·b ≥ 0, 50% of x_1 {ok} — “fine”')).toBe("Multiply: a\\ensuremath{\\cdot}b \\ensuremath{\\ge} 0, 50\\% of x\\_1 \\{ok\\} --- ``fine''");
    expect(pdfListingLine('x = 1  # \\end{alltt} {θ} 价\t!')).toBe('x = 1  # \\textbackslash{}end\\{alltt\\} \\{\\ensuremath{\\theta}\\} [U+4EF7]  !');
  });
});

describe('the handout compiles with pdflatex -halt-on-error', () => {
  const cases: { name: string; program: string }[] = [
    ...LESSONS.map((l) => ({ name: `lesson-${l.id}`, program: l.program })),
    { name: 'non-finite', program: 'x = 0\ny = -1\nbig = 1e400\nq = 1 / x\nr = log(y) + sqrt(y)\nf = q * r + big - exp(1000)' },
    {
      name: 'long-names',
      program:
        '# a comment in Chinese: 价格 × 数量, with {braces}, \\backslashes, 100% & $ and \\end{alltt}\n' +
        'a_very_long_input_name_for_a_price = 3.25\nθ = 0.5\n价格 = 2\nyhat = θ * a_very_long_input_name_for_a_price * 价格\n' +
        'loss_of_the_whole_model_on_this_sample = (yhat - 1) ^ 2 + 0.01 * θ ^ 2',
    },
    { name: 'tensors', program: 'X = [[1, 2], [3, 4]]\nparam W = [0.5, -1]\nb = 0.1\nY = X @ W + b\nL = mean(softmax(Y) * Y) + sum(Y * Y)' },
    { name: 'network', program: networkProgram({ inputs: 2, layers: [{ width: 3, activation: 'tanh' }, { width: 2, activation: 'identity' }], loss: 'softmax-ce', batch: 2, seed: 3 }) },
  ];
  for (const { name, program } of cases) {
    it(name, () => {
      const log = pdflatex(name, handoutLatex(compile(program), program, { title: `Handout: ${name}` }));
      expect(log).toMatch(/Output written on .*\.pdf \(\d+ pages?/);
      expect(log).not.toMatch(/^! /m);
    }, 60_000);
  }

  it('every tensor test program (each tensor op, axes, vectors, broadcasting): one document with all of them', () => {
    // One document per program would take a pdflatex run each; their bodies go into one.
    const programs = tensorPrograms();
    const bodies = programs.map((program) => {
      const tex = handoutLatex(compile(program), program);
      return tex.slice(tex.indexOf('\\begin{document}') + '\\begin{document}'.length, tex.indexOf('\\end{document}'));
    });
    const first = handoutLatex(compile(programs[0]), programs[0]);
    const preamble = first.slice(0, first.indexOf('\\begin{document}'));
    const log = pdflatex('tensor-programs', `${preamble}\\begin{document}\n${bodies.join('\n\\clearpage\n')}\n\\end{document}\n`);
    expect(log).toMatch(new RegExp(`Output written on .*\\.pdf \\((\\d+) pages`));
    expect(Number(/\((\d+) pages/.exec(log)?.[1])).toBeGreaterThanOrEqual(programs.length);
  }, 60_000);
});
