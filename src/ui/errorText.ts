// A ProgramError in the student's language, always with line and column.
import type { ProgramError } from '../engine';
import { t, type Locale, type MessageKey } from '../i18n';

function describeFound(locale: Locale, found: string | number | undefined): string {
  if (found === '' || found === undefined) return t(locale, 'error.endOfProgram');
  if (found === '\n') return t(locale, 'error.endOfLine');
  return locale === 'zh-CN' ? `“${found}”` : `'${found}'`;
}

/** What is wrong, without the position (shown under the line in the editor). */
export function errorMessage(locale: Locale, err: ProgramError): string {
  if (locale === 'en') return err.detail;
  const params = { ...err.params, found: describeFound(locale, err.params.found) };
  let key = `error.${err.code}` as MessageKey;
  if (err.code === 'expectedExpr' && err.params.after === '') key = 'error.expectedExprStart';
  return t(locale, key, params);
}

export function errorText(locale: Locale, err: ProgramError): string {
  if (locale === 'en') return err.message;
  return t(locale, 'error.position', { line: err.line, col: err.col, message: errorMessage(locale, err) });
}
