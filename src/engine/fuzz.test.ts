// Hostile input: generated programs, mutated programs and garbage go through
// parse → build → trace. Nothing may throw except ProgramError, and every
// error points inside the text. CHAINSTEP_FUZZ_RUNS=100000 for the nightly size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProgramError } from './errors';
import { compile } from './index';
import { expectCompilesOrFailsInside, program } from './testPrograms';

const RUNS = Number(process.env.CHAINSTEP_FUZZ_RUNS ?? 3000);

const PIECES = ['x', 'y', '=', '+', '-', '*', '/', '^', '**', '(', ')', ',', ';', '\n', ' ', '#', '1', '.5', '1e400', 'e', 'exp', 'max', 'log', 'θ', '\\href{x}', '<img>', '\u0000', '\ud800'];

/** A program with a few random edits: insertions, deletions, replacements. */
const mutated = fc
  .tuple(program, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...PIECES), fc.constantFrom('insert', 'delete', 'replace')), { maxLength: 4 }))
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

const garbage = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

describe('fuzzing parse → build → trace', () => {
  it(`${RUNS} generated, mutated and garbage programs: only ProgramError, always with a position in the text`, () => {
    fc.assert(fc.property(fc.oneof(program, mutated, mutated, garbage), expectCompilesOrFailsInside), { numRuns: RUNS });
  });

  it('the limits answer quickly with their own errors', () => {
    const cases: [string, string][] = [
      [`f = ${'('.repeat(4000)}1${')'.repeat(4000)}`, 'tooDeep'],
      [Array.from({ length: 20000 }, (_, i) => `a${i}=1`).join(";"), "tooManyStatements"],
      [`x = 1\n${'f = x'.padEnd(1_000_000, '+x')}`, 'tooLong'],
      [`x = 1\nf = ${Array.from({ length: 12000 }, () => 'x * 2').join(' + ')}`, 'tooDeep'],
      [`x = 1\n${Array.from({ length: 6000 }, (_, i) => `t${i}=x*2+1`).join(';')}`, 'tooManyNodes'],
    ];
    for (const [text, code] of cases) {
      let caught: unknown = null;
      try {
        compile(text);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(ProgramError);
      expect((caught as ProgramError).code).toBe(code);
    }
  });
});
