// Splits Python text into tokens for the subset Chainstep reads (CONTRACTS §11):
// names, numbers, strings, operators, and one `newline` token per logical line.
// Line breaks inside brackets and after a backslash do not end a line, as in
// Python. Positions are 1-based line and column, columns counted in code points.
import type { Pos } from '../ast';
import { ProgramError } from '../errors';

export type PyTokenKind = 'name' | 'num' | 'str' | 'op' | 'newline' | 'eof';

export interface PyToken {
  kind: PyTokenKind;
  /** The source text (`1e-3`, `x`, `**`, `;`), the decoded text of a string, '\n' or '' at the end. */
  text: string;
  pos: Pos;
  /** The value of a number. */
  value?: number;
  /** A string's prefix letters, lower case (`f`, `r`, `b`, ''). */
  prefix?: string;
  /** The column (in code points) where this token's logical line starts, for the first token of a line. */
  indent?: number;
}

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{M}\p{N}_]/u;
const DIGIT = /[0-9]/;
const SPACE = new Set([' ', '\t', '\r', '\f', '\u00a0', '\ufeff']);
const STRING_PREFIX = /^(r|u|f|b|br|rb|fr|rf)$/i;
/** Python's operators and delimiters, longest first so `**=` wins over `**` and `*`. */
const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...',
  '**', '//', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', '%=', '@=', '&=', '|=', '^=', '->', ':=', '<<', '>>',
  '+', '-', '*', '/', '%', '@', '&', '|', '^', '~', '<', '>', '(', ')', '[', ']', '{', '}', ',', ':', '.', ';', '=', '!',
];
/** The operators by length: the longest that matches is taken. */
const OPS_3 = new Set(OPERATORS.filter((o) => o.length === 3));
const OPS_2 = new Set(OPERATORS.filter((o) => o.length === 2));
const OPS_1 = new Set(OPERATORS.filter((o) => o.length === 1));
const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);
const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\u0007', b: '\b', f: '\f', v: '\v' };

export function tokenizePython(text: string): PyToken[] {
  const chars = Array.from(text);
  const tokens: PyToken[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  let depth = 0;
  /** Whether the next token starts a logical line (and so records its indentation). */
  let lineStart = true;
  const push = (token: PyToken): void => {
    if (lineStart && token.kind !== 'newline' && token.kind !== 'eof') {
      token.indent = token.pos.col;
      lineStart = false;
    }
    tokens.push(token);
  };
  const newline = (pos: Pos): void => {
    // Blank lines and lines holding only a comment make no token.
    if (!lineStart) tokens.push({ kind: 'newline', text: '\n', pos });
    lineStart = true;
  };
  while (i < chars.length) {
    const ch = chars[i];
    const pos = { line, col };
    if (ch === '\n') {
      if (depth === 0) newline(pos);
      i++;
      line++;
      col = 1;
    } else if (SPACE.has(ch)) {
      i++;
      col++;
    } else if (ch === '#') {
      while (i < chars.length && chars[i] !== '\n') {
        i++;
        col++;
      }
    } else if (ch === '\\' && (chars[i + 1] === '\n' || (chars[i + 1] === '\r' && chars[i + 2] === '\n'))) {
      // A backslash at the end of a line joins it to the next one.
      i += chars[i + 1] === '\n' ? 2 : 3;
      line++;
      col = 1;
    } else if (DIGIT.test(ch) || (ch === '.' && DIGIT.test(chars[i + 1] ?? ''))) {
      const end = numberEnd(chars, i, pos);
      const numText = chars.slice(i, end).join('');
      push({ kind: 'num', text: numText, pos, value: Number(numText.replace(/_/g, '')) });
      col += end - i;
      i = end;
    } else if (NAME_START.test(ch)) {
      let end = i;
      while (end < chars.length && NAME_PART.test(chars[end])) end++;
      const word = chars.slice(i, end).join('');
      const quote = chars[end];
      if ((quote === "'" || quote === '"') && STRING_PREFIX.test(word)) {
        const str = readString(chars, end, { line, col: col + (end - i) }, pos, /r/i.test(word));
        push({ kind: 'str', text: str.value, pos, prefix: word.toLowerCase() });
        ({ line, col } = str.endPos);
        i = str.end;
      } else {
        push({ kind: 'name', text: word, pos });
        col += end - i;
        i = end;
      }
    } else if (ch === "'" || ch === '"') {
      const str = readString(chars, i, pos, pos, false);
      push({ kind: 'str', text: str.value, pos, prefix: '' });
      ({ line, col } = str.endPos);
      i = str.end;
    } else {
      const two = ch + (chars[i + 1] ?? '');
      const three = two + (chars[i + 2] ?? '');
      const op = OPS_3.has(three) ? three : OPS_2.has(two) ? two : OPS_1.has(ch) ? ch : undefined;
      if (!op) {
        const shown = JSON.stringify(ch).slice(1, -1);
        throw new ProgramError('unexpectedChar', pos, `unexpected character '${shown}'`, { char: shown });
      }
      if (OPEN.has(op)) depth++;
      else if (CLOSE.has(op) && depth > 0) depth--;
      push({ kind: 'op', text: op, pos });
      i += op.length;
      col += op.length;
    }
  }
  newline({ line, col });
  tokens.push({ kind: 'eof', text: '', pos: { line, col } });
  return tokens;
}

/** The end of the number starting at `start`: `12`, `1_000`, `2.`, `.5`, `1e-3`. */
function numberEnd(chars: readonly string[], start: number, pos: Pos): number {
  let i = start;
  const digits = (): void => {
    while (DIGIT.test(chars[i] ?? '') || (chars[i] === '_' && DIGIT.test(chars[i + 1] ?? ''))) i++;
  };
  digits();
  if (chars[i] === '.') {
    i++;
    digits();
  }
  if (chars[i] === 'e' || chars[i] === 'E') {
    let j = i + 1;
    if (chars[j] === '+' || chars[j] === '-') j++;
    if (!DIGIT.test(chars[j] ?? '')) {
      const bad = chars.slice(start, j).join('');
      throw new ProgramError('badNumber', pos, `'${bad}' is not a number: an exponent needs digits, e.g. 1e-3`, { text: bad });
    }
    i = j;
    digits();
  }
  if (chars[i] !== undefined && (NAME_PART.test(chars[i]) || chars[i] === '.' && DIGIT.test(chars[i + 1] ?? ''))) {
    const bad = chars.slice(start, i + 1).join('');
    throw new ProgramError('badNumber', pos, `'${bad}' is not a number Chainstep reads; write numbers like 2, -4.0, .5 or 1e-3`, { text: bad });
  }
  return i;
}

/** Reads the string whose opening quote is at `open` (`'…'`, `"…"`, or tripled). */
function readString(
  chars: readonly string[],
  open: number,
  quotePos: Pos,
  startPos: Pos,
  raw: boolean,
): { value: string; end: number; endPos: Pos } {
  const quote = chars[open];
  const triple = chars[open + 1] === quote && chars[open + 2] === quote;
  const delimiter = triple ? quote.repeat(3) : quote;
  let i = open + delimiter.length;
  let line = quotePos.line;
  let col = quotePos.col + delimiter.length;
  let value = '';
  for (;;) {
    const ch = chars[i];
    if (ch === undefined || (ch === '\n' && !triple)) {
      throw new ProgramError('pyUnclosedString', startPos, 'this string is not closed; end it with the same quote it starts with', {});
    }
    if (chars.slice(i, i + delimiter.length).join('') === delimiter) {
      return { value, end: i + delimiter.length, endPos: { line, col: col + delimiter.length } };
    }
    if (ch === '\\' && chars[i + 1] !== undefined) {
      const next = chars[i + 1];
      if (next === '\n') {
        line++;
        col = 1;
        i += 2;
        if (raw) value += '\\\n';
        continue;
      }
      value += raw ? `\\${next}` : (ESCAPES[next] ?? `\\${next}`);
      i += 2;
      col += 2;
      continue;
    }
    value += ch;
    i++;
    if (ch === '\n') {
      line++;
      col = 1;
    } else col++;
  }
}
