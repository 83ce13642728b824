// A recursive-descent parser for CONTRACTS §1. Recursion is bounded by
// MAX_DEPTH, so no input can overflow the stack.
//
//   program   := statement? (sep statement?)*
//   statement := name '=' sum
//   sum       := product (('+' | '-') product)*
//   product   := unary (('*' | '/') unary)*
//   unary     := '-' unary | power
//   power     := primary (('^' | '**') unary)?      (right-associative)
//   primary   := number | name | name '(' args ')' | '(' sum ')'
import type { Expr, Pos, Program, Statement } from './ast';
import { ProgramError } from './errors';
import { tokenize, type Token } from './lexer';
import { MAX_DEPTH, MAX_EXPR_HEIGHT, MAX_PROGRAM_CHARS, MAX_STATEMENTS } from './limits';
import { FUNCTIONS, OPS, type OpName } from './ops';

function describe(token: Token): string {
  if (token.kind === 'eof') return 'the end of the program';
  if (token.text === '\n') return 'the end of the line';
  return `'${token.text}'`;
}

/** Where the character at UTF-16 offset `offset` sits. */
function positionOf(text: string, offset: number): Pos {
  let line = 1;
  let col = 1;
  for (const ch of text.slice(0, offset)) {
    if (ch === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return { line, col };
}

class Parser {
  private index = 0;
  private depth = 0;
  /** Open parentheses: line breaks inside them are ignored. */
  private parens = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    if (this.parens > 0) {
      while (this.tokens[this.index].text === '\n') this.index++;
    }
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private previous(): Token {
    return this.tokens[Math.max(0, this.index - 1)];
  }

  private enter(pos: Pos): void {
    if (++this.depth > MAX_DEPTH) {
      throw new ProgramError('tooDeep', pos, `the expression is nested more than ${MAX_DEPTH} levels deep; split it into several statements`, {
        max: MAX_DEPTH,
      });
    }
  }

  program(): Program {
    const statements: Statement[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind === 'eof') break;
      if (token.kind === 'sep') {
        this.next();
        continue;
      }
      if (statements.length >= MAX_STATEMENTS) {
        throw new ProgramError('tooManyStatements', token.pos, `the program has more than ${MAX_STATEMENTS} statements`, {
          max: MAX_STATEMENTS,
        });
      }
      statements.push(this.statement());
      const end = this.peek();
      if (end.kind !== 'sep' && end.kind !== 'eof') {
        throw new ProgramError(
          'expectedEnd',
          end.pos,
          `expected an operator or the end of the statement, found ${describe(end)}`,
          { found: end.text },
        );
      }
    }
    if (statements.length === 0) {
      throw new ProgramError('empty', { line: 1, col: 1 }, 'the program is empty; write at least one statement, e.g. x = 2', {});
    }
    return { statements };
  }

  private statement(): Statement {
    const nameToken = this.next();
    if (nameToken.kind !== 'name') {
      throw new ProgramError(
        'expectedName',
        nameToken.pos,
        `expected a name to assign to, e.g. q = x + y, found ${describe(nameToken)}`,
        { found: nameToken.text },
      );
    }
    const eq = this.next();
    if (eq.text !== '=') {
      throw new ProgramError('expectedAssign', eq.pos, `expected '=' after '${nameToken.text}', found ${describe(eq)}`, {
        name: nameToken.text,
        found: eq.text,
      });
    }
    const expr = this.sum();
    checkHeight(expr, nameToken.pos);
    return { name: nameToken.text, namePos: nameToken.pos, expr };
  }

  private sum(): Expr {
    let left = this.product();
    for (;;) {
      const op = this.peek();
      if (op.text !== '+' && op.text !== '-') return left;
      this.next();
      const right = this.product();
      left = { kind: 'binary', op: op.text === '+' ? 'add' : 'sub', left, right, pos: op.pos };
    }
  }

  private product(): Expr {
    let left = this.unary();
    for (;;) {
      const op = this.peek();
      if (op.text !== '*' && op.text !== '/') return left;
      this.next();
      const right = this.unary();
      left = { kind: 'binary', op: op.text === '*' ? 'mul' : 'div', left, right, pos: op.pos };
    }
  }

  private unary(): Expr {
    const token = this.peek();
    this.enter(token.pos);
    try {
      if (token.text === '-') {
        this.next();
        return { kind: 'unary', op: 'neg', arg: this.unary(), pos: token.pos };
      }
      return this.power();
    } finally {
      this.depth--;
    }
  }

  private power(): Expr {
    const base = this.primary();
    const op = this.peek();
    if (op.text !== '^' && op.text !== '**') return base;
    this.next();
    const exponent = this.unary();
    return { kind: 'binary', op: 'pow', left: base, right: exponent, pos: op.pos };
  }

  private primary(): Expr {
    const token = this.peek();
    if (token.kind === 'num') {
      this.next();
      return { kind: 'num', value: token.value as number, text: token.text, pos: token.pos };
    }
    if (token.kind === 'name') {
      this.next();
      if (this.peek().text === '(') return this.call(token);
      return { kind: 'name', name: token.text, pos: token.pos };
    }
    if (token.text === '(') {
      this.next();
      this.parens++;
      const inner = this.sum();
      this.closeParen(token);
      return inner;
    }
    const previous = this.previous();
    // After a line break or at the very start there is no operator to name.
    const after = previous === token || previous.kind === 'sep' ? '' : previous.text;
    const detail = after
      ? `expected an expression after '${after}', found ${describe(token)}`
      : `expected an expression, found ${describe(token)}`;
    throw new ProgramError('expectedExpr', token.pos, detail, { after, found: token.text });
  }

  private closeParen(open: Token): void {
    const close = this.peek();
    this.parens--;
    if (close.text !== ')') {
      throw new ProgramError(
        'expectedCloseParen',
        close.pos,
        `expected ')' to close the '(' at line ${open.pos.line}, col ${open.pos.col}, found ${describe(close)}`,
        { line: open.pos.line, col: open.pos.col, found: close.text },
      );
    }
    this.next();
  }

  private call(fnToken: Token): Expr {
    const fn = fnToken.text;
    const op: OpName | undefined = Object.prototype.hasOwnProperty.call(FUNCTIONS, fn) ? FUNCTIONS[fn] : undefined;
    if (!op) {
      throw new ProgramError(
        'unknownFunction',
        fnToken.pos,
        `unknown function '${fn}'; the functions are ${Object.keys(FUNCTIONS).join(', ')}`,
        { name: fn },
      );
    }
    const open = this.next();
    this.parens++;
    const args: Expr[] = [];
    if (this.peek().text !== ')') {
      args.push(this.sum());
      while (this.peek().text === ',') {
        this.next();
        args.push(this.sum());
      }
    }
    this.closeParen(open);
    const arity = OPS[op].arity;
    if (args.length !== arity) {
      throw new ProgramError(
        'argCount',
        fnToken.pos,
        `'${fn}' takes ${arity} argument${arity === 1 ? '' : 's'}, found ${args.length}`,
        { name: fn, expected: arity, found: args.length },
      );
    }
    return { kind: 'call', fn: op, args, pos: fnToken.pos };
  }
}

function children(expr: Expr): Expr[] {
  switch (expr.kind) {
    case 'unary':
      return [expr.arg];
    case 'binary':
      return [expr.left, expr.right];
    case 'call':
      return expr.args;
    default:
      return [];
  }
}

/** Throws tooDeep when the tree is taller than MAX_EXPR_HEIGHT (measured without recursion). */
function checkHeight(root: Expr, at: Pos): void {
  const stack: [Expr, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [expr, height] = stack.pop() as [Expr, number];
    if (height > MAX_EXPR_HEIGHT) {
      throw new ProgramError(
        'tooDeep',
        at,
        `this statement chains more than ${MAX_EXPR_HEIGHT} operations; split it into several statements`,
        { max: MAX_EXPR_HEIGHT },
      );
    }
    for (const child of children(expr)) stack.push([child, height + 1]);
  }
}

/** Parses program text. Throws ProgramError (with line and column) on anything malformed. */
export function parseProgram(text: string): Program {
  if (text.length > MAX_PROGRAM_CHARS) {
    throw new ProgramError(
      'tooLong',
      positionOf(text, MAX_PROGRAM_CHARS),
      `the program is longer than ${MAX_PROGRAM_CHARS} characters`,
      { max: MAX_PROGRAM_CHARS },
    );
  }
  return new Parser(tokenize(text)).program();
}
