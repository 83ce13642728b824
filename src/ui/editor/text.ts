// Plain-text helpers of the editor, free of CodeMirror so they are tested alone.

/** A name or a number, as the lexer reads them; anything else is marked one character wide. */
const TOKEN = /^(?:[\p{L}_][\p{L}\p{M}\p{N}_]*|(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/u;

/**
 * The UTF-16 range to mark for an error at 1-based `line` and `col`, where
 * columns count code points (as the lexer does: `θ = 1` has `=` at col 3).
 * The range covers the name or number that starts there, else one character;
 * past the end of its line it is empty, at the line's end.
 */
export function errorRange(text: string, line: number, col: number): { from: number; to: number } {
  const lines = text.split('\n');
  const l = Math.max(1, Math.min(line, lines.length));
  let start = 0;
  for (let i = 0; i < l - 1; i++) start += lines[i].length + 1;
  const content = lines[l - 1];
  const points = Array.from(content);
  const before = points.slice(0, Math.max(0, col - 1)).join('').length;
  const from = start + Math.min(before, content.length);
  const rest = content.slice(from - start);
  if (rest === '') return { from, to: from };
  const token = TOKEN.exec(rest)?.[0] ?? Array.from(rest)[0];
  return { from, to: from + token.length };
}

/** The smallest single change that turns `before` into `after`: the common start and end are kept. */
export function minimalChange(before: string, after: string): { from: number; to: number; insert: string } | null {
  if (before === after) return null;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

const DEFINITION = /^\s*(?:param\s+)?([\p{L}_][\p{L}\p{M}\p{N}_]*)\s*(?:[-+*/]?=)(?!=)/u;

/**
 * Names assigned before offset `pos` (`x = …`, `param W = …`, `q += …`, and
 * each of `;`-separated statements), in order of first definition: what a
 * statement at `pos` may use.
 */
export function namesDefinedBefore(text: string, pos: number): string[] {
  const names = new Set<string>();
  const upTo = text.slice(0, pos);
  const lastBreak = upTo.lastIndexOf('\n');
  // Only complete lines count: the line being typed defines nothing yet.
  const done = lastBreak < 0 ? '' : upTo.slice(0, lastBreak);
  for (const line of done.split('\n')) {
    const code = line.replace(/#.*/, '');
    for (const statement of code.split(';')) {
      const name = DEFINITION.exec(statement)?.[1];
      if (name) names.add(name);
    }
  }
  return [...names];
}
