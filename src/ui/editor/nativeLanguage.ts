// Highlighting of native programs (CONTRACTS §1, §9, §10): numbers, names,
// the names being assigned, function names, comments and the `param` keyword,
// read line by line as the engine's lexer reads them.
import { StreamLanguage, type StreamParser, type StringStream } from '@codemirror/language';

export interface NativeState {
  /** At the start of a statement (after a line break or `;`), where `param` and the assigned name stand. */
  statementStart: boolean;
  /** Just after `param`: the next name is the parameter being defined. */
  afterParam: boolean;
}

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{M}\p{N}_]/u;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/;
const OPERATOR = /^(?:\*\*|[-+*/]=|[-+*/^@=])/;

export const nativeParser: StreamParser<NativeState> = {
  name: 'chainstep',
  startState: () => ({ statementStart: true, afterParam: false }),
  copyState: (s) => ({ ...s }),
  token(stream: StringStream, state: NativeState): string | null {
    if (stream.sol()) state.statementStart = true;
    if (stream.eatSpace()) return null;
    const ch = stream.peek() ?? '';
    if (ch === '#') {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match(NUMBER)) {
      state.statementStart = false;
      return 'number';
    }
    if (NAME_START.test(ch)) {
      stream.next();
      stream.eatWhile(NAME_PART);
      const word = stream.current();
      const atStart = state.statementStart;
      state.statementStart = false;
      if (atStart && word === 'param' && stream.match(/^\s+[\p{L}_]/u, false)) {
        state.afterParam = true;
        return 'keyword';
      }
      const defining = state.afterParam || (atStart && Boolean(stream.match(/^\s*[-+*/]?=(?!=)/, false)));
      state.afterParam = false;
      if (stream.match(/^\s*\(/, false)) return 'variableName.function';
      return defining ? 'variableName.definition' : 'variableName';
    }
    state.statementStart = false;
    if (ch === ';') {
      stream.next();
      state.statementStart = true;
      return 'punctuation';
    }
    if (stream.match(OPERATOR)) return 'operator';
    stream.next();
    if (ch === '(' || ch === ')') return 'paren';
    if (ch === '[' || ch === ']') return 'squareBracket';
    if (ch === ',') return 'separator';
    return 'invalid';
  },
  languageData: { commentTokens: { line: '#' } },
};

export const nativeLanguage = StreamLanguage.define(nativeParser);
