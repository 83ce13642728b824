import type { Pos } from './ast';

/** What went wrong, as a message key plus parameters, so the UI can translate it. */
export type ErrorCode =
  | 'empty'
  | 'unexpectedChar'
  | 'badNumber'
  | 'expectedExpr'
  | 'expectedAssign'
  | 'expectedName'
  | 'expectedCloseParen'
  | 'expectedEnd'
  | 'unknownFunction'
  | 'argCount'
  | 'unknownKeyword'
  | 'duplicateKeyword'
  | 'positionalAfterKeyword'
  | 'expectedCloseBracket'
  | 'expectedArrayItem'
  | 'shape'
  | 'expectedDataSet'
  | 'expectedKeyword'
  | 'dataSet'
  | 'dataNotLoaded'
  /** The page could not load an image set's script (set by the page, not by the engine). */
  | 'dataLoadFailed'
  /** A Python program before the page has loaded its reader (the page loads it and compiles again). */
  | 'readerNotLoaded'
  /** The page could not load the Python reader's script (set by the page). */
  | 'readerLoadFailed'
  | 'twoDataSets'
  | 'paramNotInput'
  | 'axisLiteral'
  | 'emptyArray'
  | 'raggedArray'
  | 'tooManyAxes'
  | 'badSize'
  | 'badKeyword'
  | 'tensorTooBig'
  | 'tooManyElements'
  | 'tooMuchWork'
  | 'undefinedName'
  | 'usedBeforeDefinition'
  | 'tooLong'
  | 'tooDeep'
  | 'tooManyNodes'
  | 'tooManyStatements'
  // The Python reader (§11)
  | 'pyUnclosedString'
  | 'pyIndent'
  | 'pyOperator'
  | 'pyLoop'
  | 'pyDefinition'
  | 'pyKeyword'
  | 'pyIndex'
  | 'pyComprehension'
  | 'pyUnpack'
  | 'pyBool'
  | 'pyAttributeSet'
  | 'pyMethodTarget'
  | 'pyBareExpression'
  | 'pyBackwardTwice'
  | 'pyValueArgs'
  | 'pyValueNumber'
  | 'pyTensorNumber'
  | 'pyDtype'
  | 'pyLabelString'
  | 'pyUndefinedName'
  | 'pyNotAValue'
  | 'pyList'
  | 'pyReadAttribute'
  | 'pyUnknownName'
  | 'pyNn'
  | 'pyInlineLeaf'
  | 'pyDim';

/**
 * The one error type the language throws. `line` and `col` are 1-based and
 * always point inside (or just past the end of) the program text.
 */
export class ProgramError extends Error {
  readonly code: ErrorCode;
  readonly line: number;
  readonly col: number;
  readonly params: Record<string, string | number>;

  constructor(code: ErrorCode, pos: Pos, detail: string, params: Record<string, string | number> = {}) {
    super(`line ${pos.line}, col ${pos.col}: ${detail}`);
    this.name = 'ProgramError';
    this.code = code;
    this.line = pos.line;
    this.col = pos.col;
    this.params = params;
    this.detail = detail;
  }

  /** The message without the position prefix. */
  readonly detail: string;
}

/**
 * `err` as this copy's ProgramError: the Python reader the page loads as a
 * script of its own throws that script's copy of the class, which
 * `instanceof` does not recognise. Anything else is returned as it is.
 */
export function sameRealmError(err: unknown): unknown {
  if (err instanceof ProgramError || !(err instanceof Error) || err.name !== 'ProgramError') return err;
  const { code, line, col, detail, params } = err as Partial<ProgramError>;
  if (typeof code !== 'string' || typeof line !== 'number' || typeof col !== 'number' || typeof detail !== 'string') return err;
  return new ProgramError(code, { line, col }, detail, params ?? {});
}
