// The syntax tree of a Chainstep program (CONTRACTS §1). Positions are
// 1-based line and column of the first character of the construct.

export interface Pos {
  line: number;
  col: number;
}

export type Expr =
  | { kind: 'num'; value: number; text: string; pos: Pos }
  | { kind: 'name'; name: string; pos: Pos }
  | { kind: 'unary'; op: 'neg'; arg: Expr; pos: Pos }
  | { kind: 'binary'; op: 'add' | 'sub' | 'mul' | 'div' | 'pow'; left: Expr; right: Expr; pos: Pos }
  | { kind: 'call'; fn: string; args: Expr[]; pos: Pos };

export interface Statement {
  /** The assigned name. */
  name: string;
  namePos: Pos;
  expr: Expr;
}

export interface Program {
  statements: Statement[];
}
