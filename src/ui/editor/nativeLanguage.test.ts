import { StringStream } from '@codemirror/language';
import { describe, expect, it } from 'vitest';
import { nativeParser, type NativeState } from './nativeLanguage';

/** Each non-space token of the text with its style, line by line as the editor reads it. */
function tokens(text: string): [string, string][] {
  const state = nativeParser.startState!(2) as NativeState;
  const out: [string, string][] = [];
  for (const line of text.split('\n')) {
    const stream = new StringStream(line, 4, 2);
    while (!stream.eol()) {
      const style = nativeParser.token(stream, state);
      if (style) out.push([stream.current(), style]);
      stream.start = stream.pos;
    }
  }
  return out;
}

describe('native highlighting', () => {
  it('tells numbers, assigned names, used names, functions, operators and comments apart', () => {
    expect(tokens('x = -2.5e-1 # input\nf = tanh(x * 3) + x')).toEqual([
      ['x', 'variableName.definition'],
      ['=', 'operator'],
      ['-', 'operator'],
      ['2.5e-1', 'number'],
      ['# input', 'comment'],
      ['f', 'variableName.definition'],
      ['=', 'operator'],
      ['tanh', 'variableName.function'],
      ['(', 'paren'],
      ['x', 'variableName'],
      ['*', 'operator'],
      ['3', 'number'],
      [')', 'paren'],
      ['+', 'operator'],
      ['x', 'variableName'],
    ]);
  });

  it('param is a keyword only where it marks a parameter', () => {
    expect(tokens('param W = [[1, 2]]\nparam = 3')).toEqual([
      ['param', 'keyword'],
      ['W', 'variableName.definition'],
      ['=', 'operator'],
      ['[', 'squareBracket'],
      ['[', 'squareBracket'],
      ['1', 'number'],
      [',', 'separator'],
      ['2', 'number'],
      [']', 'squareBracket'],
      [']', 'squareBracket'],
      ['param', 'variableName.definition'],
      ['=', 'operator'],
      ['3', 'number'],
    ]);
  });

  it('each statement after ; defines its name; keyword arguments and @ read as the lexer reads them', () => {
    expect(tokens('a = 1; b += a @ a').map(([t, s]) => `${t}:${s}`)).toEqual([
      'a:variableName.definition',
      '=:operator',
      '1:number',
      ';:punctuation',
      'b:variableName.definition',
      '+=:operator',
      'a:variableName',
      '@:operator',
      'a:variableName',
    ]);
    expect(tokens('W = randn(2, 3, seed=1)').filter(([, s]) => s.startsWith('variableName'))).toEqual([
      ['W', 'variableName.definition'],
      ['randn', 'variableName.function'],
      ['seed', 'variableName'],
    ]);
  });
});
