import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expr, Program } from './ast';
import { ProgramError } from './errors';
import { MAX_DEPTH, MAX_PROGRAM_CHARS, MAX_STATEMENTS } from './limits';
import { parseProgram } from './parser';
import { printExpr, printProgram } from './print';
import { program as randomProgram } from './testPrograms';

function errorOf(text: string): ProgramError {
  try {
    parseProgram(text);
  } catch (err) {
    if (err instanceof ProgramError) return err;
    throw err;
  }
  throw new Error(`expected a ProgramError for ${JSON.stringify(text)}`);
}

/** The tree without positions, for structural comparison. */
function shape(expr: Expr): unknown {
  switch (expr.kind) {
    case 'num':
      return expr.value;
    case 'name':
      return expr.name;
    case 'unary':
      return ['neg', shape(expr.arg)];
    case 'binary':
      return [expr.op, shape(expr.left), shape(expr.right)];
    case 'call':
      return [expr.fn, ...expr.args.map(shape)];
  }
}
const shapes = (p: Program): unknown => p.statements.map((s) => [s.name, shape(s.expr)]);
const exprOf = (text: string): unknown => shape(parseProgram(`f = ${text}`).statements[0].expr);

describe('parseProgram: precedence', () => {
  it('power binds tighter than unary minus, which binds tighter than * and +', () => {
    expect(exprOf('-x^2')).toEqual(['neg', ['pow', 'x', 2]]);
    expect(exprOf('a + b * c')).toEqual(['add', 'a', ['mul', 'b', 'c']]);
    expect(exprOf('-a * b')).toEqual(['mul', ['neg', 'a'], 'b']);
  });

  it('power is right-associative and ** means ^', () => {
    expect(exprOf('a ^ b ** c')).toEqual(['pow', 'a', ['pow', 'b', 'c']]);
    expect(exprOf('2 ^ -1')).toEqual(['pow', 2, ['neg', 1]]);
  });

  it('- and / are left-associative', () => {
    expect(exprOf('a - b - c')).toEqual(['sub', ['sub', 'a', 'b'], 'c']);
    expect(exprOf('a / b / c')).toEqual(['div', ['div', 'a', 'b'], 'c']);
  });

  it('reads every number form of §1', () => {
    for (const [text, value] of [['3', 3], ['0.5', 0.5], ['.5', 0.5], ['1e-3', 0.001], ['2.5E4', 25000]] as const) {
      expect(exprOf(text)).toBe(value);
    }
    expect(exprOf('1e400')).toBe(Infinity);
  });

  it('separates statements by lines and semicolons and skips comments', () => {
    const p = parseProgram('# inputs\nx = 1; y = 2  # two\n\nf = x*y');
    expect(p.statements.map((s) => s.name)).toEqual(['x', 'y', 'f']);
  });

  it('accepts Unicode names and line breaks inside parentheses', () => {
    expect(shapes(parseProgram('θ = 0.5\n价格 = (θ +\n 1)'))).toEqual([
      ['θ', 0.5],
      ['价格', ['add', 'θ', 1]],
    ]);
  });

  it('counts columns in code points', () => {
    const p = parseProgram('θ = 1\nf = θ + y');
    expect(p.statements[1].expr).toMatchObject({ kind: 'binary', pos: { line: 2, col: 7 } });
  });

  it('reads calls with one and two arguments', () => {
    expect(exprOf('max(a, exp(b))')).toEqual(['max', 'a', ['exp', 'b']]);
  });
});

describe('parseProgram: errors name the line, the column and what was expected', () => {
  const cases: [string, string, number, number, string][] = [
    ['x = 1\nf = x +', 'expectedExpr', 2, 8, "expected an expression after '+'"],
    ['x = 1\nf = x + * 2', 'expectedExpr', 2, 9, "expected an expression after '+', found '*'"],
    ['x = 1 $ 2', 'unexpectedChar', 1, 7, "unexpected character '$'"],
    ['x = 1e', 'badNumber', 1, 5, "'1e' is not a number"],
    ['x = 2x', 'badNumber', 1, 5, "'2x' is not a number"],
    ['x 1', 'expectedAssign', 1, 3, "expected '=' after 'x'"],
    ['3 = x', 'expectedName', 1, 1, 'expected a name'],
    ['f = (1 + 2', 'expectedCloseParen', 1, 11, "expected ')' to close the '(' at line 1, col 5"],
    ['f = 1 2', 'expectedEnd', 1, 7, "found '2'"],
    ['f = foo(1)', 'unknownFunction', 1, 5, "unknown function 'foo'"],
    ['f = max(1)', 'argCount', 1, 5, "'max' takes 2 arguments, found 1"],
    ['f = exp(1, 2)', 'argCount', 1, 5, "'exp' takes 1 argument, found 2"],
    ['', 'empty', 1, 1, 'the program is empty'],
    ['# only a comment\n;', 'empty', 1, 1, 'the program is empty'],
  ];
  for (const [text, code, line, col, message] of cases) {
    it(`${JSON.stringify(text)} → ${code} at ${line}:${col}`, () => {
      const err = errorOf(text);
      expect([err.code, err.line, err.col]).toEqual([code, line, col]);
      expect(err.message).toContain(`line ${line}, col ${col}: `);
      expect(err.message).toContain(message);
    });
  }
});

describe('parseProgram: limits', () => {
  it('a 4,000-deep parenthesis gives tooDeep, not a stack overflow', () => {
    const err = errorOf(`f = ${'('.repeat(4000)}1${')'.repeat(4000)}`);
    expect(err.code).toBe('tooDeep');
    expect(err.params.max).toBe(MAX_DEPTH);
  });

  it('deep unary minus and power chains are bounded too', () => {
    expect(errorOf(`f = ${'-'.repeat(5000)}1`).code).toBe('tooDeep');
    expect(errorOf(`f = 2${'^2'.repeat(5000)}`).code).toBe('tooDeep');
  });

  it('nesting just under the limit parses', () => {
    const depth = MAX_DEPTH - 2;
    expect(() => parseProgram(`f = ${'('.repeat(depth)}1${')'.repeat(depth)}`)).not.toThrow();
  });

  it('too many statements and too long a text are errors with a position', () => {
    const many = Array.from({ length: MAX_STATEMENTS + 1 }, (_, i) => `x${i} = 1`).join('\n');
    const err = errorOf(many);
    expect([err.code, err.line]).toEqual(['tooManyStatements', MAX_STATEMENTS + 1]);
    const long = errorOf(`x = 1\n${'#'.repeat(MAX_PROGRAM_CHARS)}`);
    expect([long.code, long.line]).toEqual(['tooLong', 2]);
  });
});

describe('print', () => {
  it('prints with as few parentheses as precedence needs', () => {
    const print = (text: string): string => printExpr(parseProgram(`f = ${text}`).statements[0].expr);
    expect(print('(a + b) * c')).toBe('(a + b) * c');
    expect(print('a + (b * c)')).toBe('a + b * c');
    expect(print('a - (b - c)')).toBe('a - (b - c)');
    expect(print('(-a) ^ 2')).toBe('(-a) ^ 2');
    expect(print('(a ^ b) ^ c')).toBe('(a ^ b) ^ c');
    expect(print('a ** b ** c')).toBe('a ^ b ^ c');
  });

  it('parse → print → parse keeps the structure (random programs)', () => {
    fc.assert(
      fc.property(randomProgram, (text) => {
        const first = parseProgram(text);
        const again = parseProgram(printProgram(first));
        expect(shapes(again)).toEqual(shapes(first));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseProgram on garbage', () => {
  const alphabet = fc.constantFrom(...'xyzf0123456789.eE+-*/^(),=;#\n \tθ_@$'.split(''), '**', 'exp(', 'max(');
  const garbage = fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join(''));

  it('throws nothing but ProgramError, always with a position inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(garbage, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })), (text) => {
        try {
          parseProgram(text);
        } catch (err) {
          expect(err).toBeInstanceOf(ProgramError);
          const e = err as ProgramError;
          const lines = text.split('\n');
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(lines.length);
          expect(e.col).toBeGreaterThanOrEqual(1);
          expect(e.col).toBeLessThanOrEqual(Array.from(lines[e.line - 1]).length + 1);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
