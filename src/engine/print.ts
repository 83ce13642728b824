// Prints a syntax tree back as program text with as few parentheses as the
// precedence rules allow: parse(print(p)) has the same structure as p.
import type { BinaryOp, Expr, Program, Statement } from './ast';

const PRECEDENCE = { add: 1, sub: 1, mul: 2, div: 2, matmul: 2, neg: 3, pow: 4, atom: 5 } as const;
const SYMBOL: Readonly<Record<Exclude<BinaryOp, 'pow'>, string>> = { add: '+', sub: '-', mul: '*', div: '/', matmul: '@' };

function precedenceOf(expr: Expr): number {
  switch (expr.kind) {
    case 'binary':
      return PRECEDENCE[expr.op];
    case 'unary':
      return PRECEDENCE.neg;
    default:
      return PRECEDENCE.atom;
  }
}

function wrap(expr: Expr, min: number): string {
  const text = printExpr(expr);
  return precedenceOf(expr) >= min ? text : `(${text})`;
}

export function printExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'num':
      return expr.text;
    case 'name':
      return expr.name;
    case 'array':
      return `[${expr.items.map(printExpr).join(', ')}]`;
    case 'call':
      return `${expr.fn}(${[...expr.args.map(printExpr), ...expr.kwargs.map((k) => `${k.name}=${printExpr(k.value)}`)].join(', ')})`;
    case 'unary':
      return `-${wrap(expr.arg, PRECEDENCE.neg)}`;
    case 'binary': {
      const p = PRECEDENCE[expr.op];
      if (expr.op === 'pow') {
        return `${wrap(expr.left, PRECEDENCE.atom)} ^ ${wrap(expr.right, PRECEDENCE.neg)}`;
      }
      return `${wrap(expr.left, p)} ${SYMBOL[expr.op]} ${wrap(expr.right, p + 1)}`;
    }
  }
}

export function printStatement(st: Statement): string {
  return `${st.param ? 'param ' : ''}${st.name} = ${printExpr(st.expr)}`;
}

export function printProgram(program: Program): string {
  return program.statements.map(printStatement).join('\n');
}
