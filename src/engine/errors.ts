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
