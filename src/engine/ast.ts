// The syntax tree of a Chainstep program (CONTRACTS §1, §9, §10, §11).
// Positions are 1-based line and column of the first character of the construct.
// Both readers, the native parser and the Python reader, produce this tree.

export interface Pos {
  line: number;
  col: number;
}

export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'matmul';

/** A keyword argument of a call: `std=0.5` in `randn(3, 2, std=0.5)`. */
export interface Kwarg {
  name: string;
  value: Expr;
  pos: Pos;
}

export type Expr =
  | { kind: 'num'; value: number; text: string; pos: Pos }
  | { kind: 'name'; name: string; pos: Pos }
  | { kind: 'unary'; op: 'neg'; arg: Expr; pos: Pos }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; pos: Pos }
  | { kind: 'call'; fn: string; args: Expr[]; kwargs: Kwarg[]; pos: Pos }
  /** `[1, -2]` or `[[1, 2], [3, 4]]`: items are numbers (maybe negated) or nested arrays. */
  | { kind: 'array'; items: Expr[]; pos: Pos };

export interface Statement {
  /** The assigned name. Assigning a name again makes a new version of it (§11). */
  name: string;
  namePos: Pos;
  expr: Expr;
  /** `param W = …`: a parameter that training changes (§10). */
  param?: boolean;
  /** A display label (micrograd's `label='…'`), shown instead of the name. */
  display?: string;
  /**
   * `data X, Y = moons(n=200, seed=1)` (§10): a data set's rows. `name` (X) gets the
   * features of the current mini-batch, this name (Y) its targets; `expr` is the call.
   */
  targets?: { name: string; pos: Pos };
}

export type SourceLanguage = 'native' | 'micrograd' | 'pytorch';

export interface Program {
  statements: Statement[];
  /** Which reader produced the tree (the native parser when absent). */
  language?: SourceLanguage;
  /**
   * `OUT.backward()` (§11): the output is the version of `name` bound after the
   * first `after` statements. Without it the last statement is the output.
   */
  output?: { name: string; pos: Pos; after: number };
}
