// Hostile Python: generated micrograd and PyTorch programs, mutated ones and
// garbage go through parse → build → trace. Nothing may throw except
// ProgramError, every error points inside the text, and nothing hangs.
// CHAINSTEP_FUZZ_RUNS=100000 for the nightly size (as src/engine/fuzz.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toPyTorch } from '../../export/pytorch';
import { ProgramError } from '../errors';
import { compile } from '../index';
import { expectCompilesOrFailsInside, program } from '../testPrograms';

const RUNS = Number(process.env.CHAINSTEP_FUZZ_RUNS ?? 2000);

const NAMES = ['a', 'b', 'c'];
const literal = fc.integer({ min: -40, max: 40 }).map((k) => (k / 4).toFixed(2));

/** A micrograd expression over the names defined so far. */
function mgExpr(names: readonly string[], depth: number): fc.Arbitrary<string> {
  const leaf = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: literal });
  if (depth <= 0) return leaf;
  const sub = mgExpr(names, depth - 1);
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    { weight: 3, arbitrary: fc.tuple(sub, fc.constantFrom('+', '-', '*', '/'), sub).map(([x, op, y]) => `(${x} ${op} ${y})`) },
    { weight: 1, arbitrary: fc.tuple(sub, fc.constantFrom('2', '3', '-1', '0.5')).map(([x, k]) => `(${x})**${k}`) },
    { weight: 2, arbitrary: fc.tuple(sub, fc.constantFrom('relu', 'tanh', 'exp')).map(([x, m]) => `(${x}).${m}()`) },
    { weight: 1, arbitrary: sub.map((x) => `-${x}`) },
  );
}

/** A micrograd program: labelled Values, computed names, `+=`, labels and a backward call. */
const micrograd: fc.Arbitrary<string> = fc
  .tuple(fc.array(literal, { minLength: 3, maxLength: 3 }), fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('=', '+=', '*=', '-=')), { minLength: 1, maxLength: 5 }))
  .chain(([values, steps]) => {
    const header = values.map((v, i) => `${NAMES[i]} = Value(${v}, label='${NAMES[i]}')`);
    return fc.tuple(...steps.map(() => mgExpr(NAMES, 2))).map((exprs) => {
      const body = steps.map(([name, op], i) => `${name} ${op} ${exprs[i]}; ${name}.label = '${name}${i}'`);
      return ['from micrograd.engine import Value', ...header, ...body, `${steps[steps.length - 1][0]}.backward()`].join('\n');
    });
  });

/** A PyTorch program: a random native program exported by Chainstep. */
const pytorch: fc.Arbitrary<string> = program.map((text) => toPyTorch(compile(text).graph));

const PIECES = [
  'Value(', ')', '(', "label='a'", 'label=', '.relu()', '.tanh()', '.backward()', '.label', '.grad', '.data', 'torch.tensor(', 'requires_grad=True',
  'dtype=torch.float64', ',', '.', '=', '+=', '**', '*', '-', '/', '//', '[', ']', '{', ':', "'", '"', '"""', '\\', '\\\n', '\n', '\n    ', ';', '#',
  'for ', 'def ', 'in ', 'lambda ', 'import torch', 'print(', 'MLP(', 'x', 'a', 'L', '1', '-4.0', '.5', '1e400', "float('nan')", 'θ', '\\href{x}', '\u0000', '\ud800',
];

const mutated = fc
  .tuple(fc.oneof(micrograd, pytorch), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...PIECES), fc.constantFrom('insert', 'delete', 'replace')), { maxLength: 4 }))
  .map(([text, edits]) => {
    let out = text;
    for (const [at, len, piece, kind] of edits) {
      const i = out.length === 0 ? 0 : at % (out.length + 1);
      if (kind === 'insert') out = out.slice(0, i) + piece + out.slice(i);
      else if (kind === 'delete') out = out.slice(0, i) + out.slice(i + len + 1);
      else out = out.slice(0, i) + piece + out.slice(i + len + 1);
    }
    return out;
  });

const garbage = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => `x = Value(1.0)\n${parts.join('')}`);

describe('fuzzing the Python reader', () => {
  it('generated micrograd and PyTorch programs compile', () => {
    fc.assert(fc.property(fc.oneof(micrograd, pytorch), (text) => {
      expect(() => compile(text)).not.toThrow();
    }), { numRuns: Math.min(RUNS, 500) });
  });

  it(`${RUNS} generated, mutated and garbage Python programs: only ProgramError, always with a position in the text`, () => {
    fc.assert(fc.property(fc.oneof(micrograd, pytorch, mutated, mutated, garbage), expectCompilesOrFailsInside), { numRuns: RUNS });
  }, Math.max(30_000, RUNS * 10));

  it('the limits answer quickly with their own errors', () => {
    const cases: [string, string][] = [
      [`x = Value(1.0)\ny = ${'('.repeat(4000)}x${')'.repeat(4000)}`, 'tooDeep'],
      [`x = Value(1.0)\ny = x${'.relu()'.repeat(5000)}`, 'tooDeep'],
      [`x = Value(1.0)\ny = ${'['.repeat(4000)}`, 'tooDeep'],
      [`x = Value(1.0)\ny = ${'f('.repeat(4000)}`, 'tooDeep'],
      [`x = Value(1.0)\n${Array.from({ length: 12000 }, (_, i) => `a${i}=x`).join('\n')}`, 'tooManyStatements'],
      [`x = Value(1.0)\n${'y = x'.padEnd(1_000_000, ' + x')}`, 'tooLong'],
      [`x = Value(1.0)\n${Array.from({ length: 6000 }, (_, i) => `t${i} = x*2+1`).join('\n')}`, 'tooManyNodes'],
      [`s = '${'a'.repeat(150_000)}`, 'pyUnclosedString'],
    ];
    for (const [text, code] of cases) {
      let caught: unknown = null;
      try {
        compile(text);
      } catch (err) {
        caught = err;
      }
      expect(caught, code).toBeInstanceOf(ProgramError);
      expect((caught as ProgramError).code).toBe(code);
    }
  });
});
