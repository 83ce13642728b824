// Splits program text into tokens with 1-based line and column (columns count
// code points, so `θ = 1` has `=` at col 3).
import type { Pos } from './ast';
import { ProgramError } from './errors';

export type TokenKind = 'num' | 'name' | 'op' | 'sep' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The source text: `1e-3`, `theta`, `**`, `;`, '\n' (for a line break) or '' at the end. */
  text: string;
  pos: Pos;
  value?: number;
}

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{M}\p{N}_]/u;
const DIGIT = /[0-9]/;
const OPERATORS = ['**', '+=', '-=', '*=', '/=', '+', '-', '*', '/', '^', '@', '(', ')', '[', ']', ',', '='];

export function tokenize(text: string): Token[] {
  const chars = Array.from(text);
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  const advance = (n: number): void => {
    i += n;
    col += n;
  };
  while (i < chars.length) {
    const ch = chars[i];
    const pos = { line, col };
    if (ch === '\n') {
      tokens.push({ kind: 'sep', text: '\n', pos });
      i++;
      line++;
      col = 1;
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\u00a0' || ch === '\ufeff') {
      advance(1);
    } else if (ch === '#') {
      while (i < chars.length && chars[i] !== '\n') advance(1);
    } else if (ch === ';') {
      tokens.push({ kind: 'sep', text: ';', pos });
      advance(1);
    } else if (DIGIT.test(ch) || (ch === '.' && DIGIT.test(chars[i + 1] ?? ''))) {
      const start = i;
      while (DIGIT.test(chars[i] ?? '')) i++;
      if (chars[i] === '.') {
        i++;
        while (DIGIT.test(chars[i] ?? '')) i++;
      }
      if (chars[i] === 'e' || chars[i] === 'E') {
        let j = i + 1;
        if (chars[j] === '+' || chars[j] === '-') j++;
        if (!DIGIT.test(chars[j] ?? '')) {
          const bad = chars.slice(start, j).join('');
          throw new ProgramError('badNumber', pos, `'${bad}' is not a number: an exponent needs digits, e.g. 1e-3`, {
            text: bad,
          });
        }
        i = j;
        while (DIGIT.test(chars[i] ?? '')) i++;
      }
      if (chars[i] === '.' || (chars[i] !== undefined && NAME_PART.test(chars[i]))) {
        const end = i + 1;
        const bad = chars.slice(start, end).join('');
        throw new ProgramError('badNumber', pos, `'${bad}' is not a number; write an operator between a number and a name, e.g. 2*x`, {
          text: bad,
        });
      }
      const numText = chars.slice(start, i).join('');
      tokens.push({ kind: 'num', text: numText, pos, value: Number(numText) });
      col += i - start;
    } else if (NAME_START.test(ch)) {
      const start = i;
      while (i < chars.length && NAME_PART.test(chars[i])) i++;
      tokens.push({ kind: 'name', text: chars.slice(start, i).join(''), pos });
      col += i - start;
    } else {
      const two = ch + (chars[i + 1] ?? '');
      const op = OPERATORS.find((o) => o === two) ?? OPERATORS.find((o) => o === ch);
      if (!op) {
        const shown = JSON.stringify(ch).slice(1, -1);
        throw new ProgramError('unexpectedChar', pos, `unexpected character '${shown}'`, { char: shown });
      }
      tokens.push({ kind: 'op', text: op, pos });
      advance(op.length);
    }
  }
  tokens.push({ kind: 'eof', text: '', pos: { line, col } });
  return tokens;
}
