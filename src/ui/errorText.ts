// A ProgramError in the student's language, always with line and column.
import type { ProgramError } from '../engine';
import { CATALOGUES, t, type Locale, type MessageKey } from '../i18n';

function describeFound(locale: Locale, found: string | number | undefined): string {
  if (found === '' || found === undefined) return t(locale, 'error.endOfProgram');
  if (found === '\n') return t(locale, 'error.endOfLine');
  return locale === 'zh-CN' ? `“${found}”` : `'${found}'`;
}

/** A shape as `shapeKey` writes it (`2x3`, `3`, '' for a number), in words. */
export function shapeWords(locale: Locale, key: string): string {
  if (key === '') return t(locale, 'shape.number');
  const [r, c] = key.split('x');
  return c === undefined ? t(locale, 'shape.vector', { n: r }) : t(locale, 'shape.matrix', { r, c });
}

const SIDES: Readonly<Record<string, string>> = { left: '左', right: '右' };

/** What is wrong, without the position (shown under the line in the editor). */
export function errorMessage(locale: Locale, err: ProgramError): string {
  if (locale === 'en') return err.detail;
  const params: Record<string, string | number> = { ...err.params, found: describeFound(locale, err.params.found) };
  let key = `error.${err.code}` as MessageKey;
  if (err.code === 'expectedExpr' && err.params.after === '') key = 'error.expectedExprStart';
  // A data set's, batch's or option's problem carries its own catalogue key (src/engine/data/problem.ts).
  if (err.code === 'dataSet' && typeof err.params.key === 'string') key = err.params.key as MessageKey;
  if (err.code === 'shape') {
    key = `error.shape.${err.params.kind}` as MessageKey;
    for (const name of ['left', 'right', 'shape']) {
      if (typeof err.params[name] === 'string') params[name] = shapeWords(locale, err.params[name] as string);
    }
    if (typeof err.params.side === 'string') params.side = SIDES[err.params.side] ?? err.params.side;
  }
  // A message the catalogues do not have yet is said in English rather than not at all.
  return key in (CATALOGUES[locale] ?? {}) ? t(locale, key, params) : err.detail;
}

export function errorText(locale: Locale, err: ProgramError): string {
  if (locale === 'en') return err.message;
  return t(locale, 'error.position', { line: err.line, col: err.col, message: errorMessage(locale, err) });
}
