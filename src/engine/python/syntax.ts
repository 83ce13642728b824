// The Python syntax the reader parses before it gives it Chainstep's meaning
// (translate.ts). It is Python's own shape: attributes, calls with keywords,
// strings, tuples; nothing here knows about micrograd or PyTorch.
import type { Pos } from '../ast';

export interface PyKeyword {
  name: string;
  value: PyExpr;
  pos: Pos;
}

export type PyExpr =
  | { kind: 'num'; value: number; text: string; pos: Pos }
  /** `prefix` is the string's prefix letters in lower case: '' for a plain string, `f`, `r`, `b`… */
  | { kind: 'str'; value: string; prefix: string; pos: Pos }
  | { kind: 'name'; name: string; pos: Pos }
  | { kind: 'bool'; value: boolean; pos: Pos }
  | { kind: 'none'; pos: Pos }
  /** `object.name`; `pos` is where `name` is written. */
  | { kind: 'attr'; object: PyExpr; name: string; pos: Pos }
  /** `callee(args, name=value)`; `pos` is where the called name is written (`relu` in `z.relu()`). */
  | { kind: 'call'; callee: PyExpr; args: PyExpr[]; keywords: PyKeyword[]; pos: Pos; open: Pos }
  | { kind: 'unary'; op: '-' | '+'; arg: PyExpr; pos: Pos }
  /** `op` is one of `+ - * / ** @`; `pos` is the operator's. */
  | { kind: 'binary'; op: string; left: PyExpr; right: PyExpr; pos: Pos }
  | { kind: 'list'; items: PyExpr[]; pos: Pos }
  | { kind: 'tuple'; items: PyExpr[]; pos: Pos };

export type PyStatement =
  /** `a = expr`, `a = b = expr`, `a, b = x, y`, `x.label = 'x'`: every target list gets the value. */
  | { kind: 'assign'; targets: PyExpr[]; value: PyExpr; pos: Pos }
  /** `c += expr` (also `-=`, `*=`, `/=`); `op` is the binary operator (`+`). */
  | { kind: 'augassign'; target: PyExpr; op: string; value: PyExpr; pos: Pos }
  | { kind: 'expr'; expr: PyExpr; pos: Pos }
  /** A line the reader skips: `print(…)`, `draw_dot(…)`. */
  | { kind: 'ignored'; pos: Pos }
  /** `import a.b as c`, `from a import b`: the names they bind, each to its dotted path. */
  | { kind: 'import'; bindings: [string, string][]; pos: Pos };

export function children(expr: PyExpr): PyExpr[] {
  switch (expr.kind) {
    case 'attr':
      return [expr.object];
    case 'call':
      return [expr.callee, ...expr.args, ...expr.keywords.map((k) => k.value)];
    case 'unary':
      return [expr.arg];
    case 'binary':
      return [expr.left, expr.right];
    case 'list':
    case 'tuple':
      return expr.items;
    default:
      return [];
  }
}

/** `torch.nn.functional` for the attribute chain `torch.nn.functional`; null when it is not names and dots. */
export function dottedName(expr: PyExpr): string | null {
  if (expr.kind === 'name') return expr.name;
  if (expr.kind === 'attr') {
    const head = dottedName(expr.object);
    return head === null ? null : `${head}.${expr.name}`;
  }
  return null;
}

/** Where an expression starts in the text: `torch` in `torch.int64`, `x` in `x * 2`. */
export function startOf(expr: PyExpr): Pos {
  let e = expr;
  for (;;) {
    if (e.kind === 'attr') e = e.object;
    else if (e.kind === 'call') e = e.callee;
    else if (e.kind === 'binary') e = e.left;
    else if (e.kind === 'tuple' && e.items.length > 0) e = e.items[0];
    else return e.pos;
  }
}
