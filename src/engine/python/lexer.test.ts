import { describe, expect, it } from 'vitest';
import { ProgramError } from '../errors';
import { tokenizePython, type PyToken } from './lexer';

const texts = (tokens: PyToken[]): string[] => tokens.map((t) => (t.kind === 'newline' ? 'NL' : t.kind === 'eof' ? 'EOF' : t.text));

function errorOf(text: string): ProgramError {
  try {
    tokenizePython(text);
  } catch (err) {
    if (err instanceof ProgramError) return err;
    throw err;
  }
  throw new Error(`no error for ${text}`);
}

describe('tokenizePython', () => {
  it('splits names, numbers, strings, attributes, keywords and ** with positions in code points', () => {
    const tokens = tokenizePython("θ = Value(-4.0, label='θ')\nθ.label = \"x\"");
    expect(texts(tokens)).toEqual(['θ', '=', 'Value', '(', '-', '4.0', ',', 'label', '=', 'θ', ')', 'NL', 'θ', '.', 'label', '=', 'x', 'NL', 'EOF']);
    expect(tokens[2].pos).toEqual({ line: 1, col: 5 });
    expect(tokens[9]).toMatchObject({ kind: 'str', text: 'θ', pos: { line: 1, col: 23 }, prefix: '' });
    expect(tokens[16].pos).toEqual({ line: 2, col: 11 });
  });

  it('reads Python numbers: 2., .5, 1e-3, 1_000 and keeps their text', () => {
    const nums = tokenizePython('a = 2. + .5 + 1e-3 + 1_000 + 6.8813735870195432').filter((t) => t.kind === 'num');
    expect(nums.map((t) => [t.text, t.value])).toEqual([['2.', 2], ['.5', 0.5], ['1e-3', 0.001], ['1_000', 1000], ['6.8813735870195432', 6.8813735870195432]]);
  });

  it('takes the longest operator: **, **=, //, +=', () => {
    expect(texts(tokenizePython('c **= 2; d //= 3; e += x ** -1')).filter((t) => t !== 'NL' && t !== 'EOF')).toEqual([
      'c', '**=', '2', ';', 'd', '//=', '3', ';', 'e', '+=', 'x', '**', '-', '1',
    ]);
  });

  it('makes no line break inside brackets or after a backslash, and none for blank or comment lines', () => {
    const text = 'y = (a +\n     b)  # sum\n\n# only a comment\nz = a \\\n  * b\nprint(a,\n  b)';
    expect(texts(tokenizePython(text))).toEqual(['y', '=', '(', 'a', '+', 'b', ')', 'NL', 'z', '=', 'a', '*', 'b', 'NL', 'print', '(', 'a', ',', 'b', ')', 'NL', 'EOF']);
  });

  it('records the indentation of the first token of each logical line', () => {
    const tokens = tokenizePython('x = 1\n    y = x\n');
    expect(tokens.filter((t) => t.indent !== undefined).map((t) => [t.text, t.indent])).toEqual([['x', 1], ['y', 5]]);
  });

  it('decodes escapes, keeps raw strings raw, and joins triple-quoted lines', () => {
    const [plain, raw, fstr, triple] = tokenizePython("'a\\'b\\n' r'\\href{x}' f'{x.grad}' '''one\ntwo'''\nz = 1").filter((t) => t.kind === 'str');
    expect(plain.text).toBe("a'b\n");
    expect(raw).toMatchObject({ text: '\\href{x}', prefix: 'r' });
    expect(fstr).toMatchObject({ text: '{x.grad}', prefix: 'f' });
    expect(triple.text).toBe('one\ntwo');
    // after a string that spans two lines, positions carry on from its end
    expect(tokenizePython("s = '''a\nb'''\nz = 1").find((t) => t.text === 'z')?.pos).toEqual({ line: 3, col: 1 });
  });

  it('reports an unclosed string at its start, and stray characters where they are', () => {
    expect(errorOf("a = Value(2.0, label='a)\nb = 1")).toMatchObject({ code: 'pyUnclosedString', line: 1, col: 22 });
    expect(errorOf('a = 1\nb = a $ 2')).toMatchObject({ code: 'unexpectedChar', line: 2, col: 7 });
    expect(errorOf('x = 2x')).toMatchObject({ code: 'badNumber', line: 1, col: 5 });
    expect(errorOf('x = 1e')).toMatchObject({ code: 'badNumber', line: 1, col: 5 });
  });
});
