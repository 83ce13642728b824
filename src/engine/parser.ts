// A recursive-descent parser for CONTRACTS §1. Recursion is bounded by
// MAX_DEPTH, so no input can overflow the stack.
//
//   program   := statement? (sep statement?)*
//   statement := 'param'? name ('=' | '+=' | '-=' | '*=' | '/=') sum
//              | 'data' name ',' name '=' name '(' (name '=' number (',' name '=' number)*)? ')'
//   sum       := product (('+' | '-') product)*
//   product   := unary (('*' | '/' | '@') unary)*
//   unary     := '-' unary | power
//   power     := primary (('^' | '**') unary)?      (right-associative)
//   primary   := number | name | name '(' args ')' | '(' sum ')' | array
//   args      := (sum (',' sum)*)? (',' name '=' sum)*   (keywords last)
//   array     := '[' (item (',' item)*)? ']'    item := '-'? number | array
import type { BinaryOp, Expr, Kwarg, Pos, Program, Statement } from './ast';
import { callable, callableNames } from './callables';
import { ProgramError } from './errors';
import { tokenize, type Token } from './lexer';
import { MAX_DEPTH, MAX_EXPR_HEIGHT, MAX_PROGRAM_CHARS, MAX_STATEMENTS } from './limits';

function describe(token: Token): string {
  if (token.kind === 'eof') return 'the end of the program';
  if (token.text === '\n') return 'the end of the line';
  return `'${token.text}'`;
}

/** Where the character at UTF-16 offset `offset` sits. */
export function positionOf(text: string, offset: number): Pos {
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
    const head = this.tokens[this.index];
    if (head.kind === 'name' && head.text === 'data' && this.tokens[this.index + 1]?.kind === 'name' && this.tokens[this.index + 2]?.text === ',') {
      return this.dataStatement();
    }
    let param = false;
    const first = this.tokens[this.index];
    const after = this.tokens[this.index + 1];
    // `param W = …`; a statement `param = 3` still assigns the name param.
    if (first.kind === 'name' && first.text === 'param' && after?.kind === 'name') {
      this.next();
      param = true;
    }
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
    const augmented = AUGMENTED.get(eq.text);
    if (eq.text !== '=' && !augmented) {
      throw new ProgramError('expectedAssign', eq.pos, `expected '=' after '${nameToken.text}', found ${describe(eq)}`, {
        name: nameToken.text,
        found: eq.text,
      });
    }
    let expr = this.sum();
    // `c += e` is `c = c + e`: a new version of c made from the old one (§11).
    if (augmented) expr = { kind: 'binary', op: augmented, left: { kind: 'name', name: nameToken.text, pos: nameToken.pos }, right: expr, pos: eq.pos };
    checkHeight(expr, nameToken.pos);
    return param ? { name: nameToken.text, namePos: nameToken.pos, expr, param } : { name: nameToken.text, namePos: nameToken.pos, expr };
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
      const kind = PRODUCT_OPS.get(op.text);
      if (!kind || op.kind !== 'op') return left;
      this.next();
      const right = this.unary();
      left = { kind: 'binary', op: kind, left, right, pos: op.pos };
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
    if (token.text === '[') return this.array();
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
    const spec = callable(fn);
    if (!spec) {
      throw new ProgramError(
        'unknownFunction',
        fnToken.pos,
        `unknown function '${fn}'; the functions are ${callableNames().join(', ')}`,
        { name: fn },
      );
    }
    const open = this.next();
    this.parens++;
    const args: Expr[] = [];
    const kwargs: Kwarg[] = [];
    if (this.peek().text !== ')') {
      for (;;) {
        const token = this.peek();
        const isKeyword = token.kind === 'name' && this.tokens[this.index + 1]?.text === '=';
        if (isKeyword) {
          this.next();
          this.next();
          if (!spec.kwargs.includes(token.text)) {
            const allowed = spec.kwargs.length ? `; '${fn}' takes ${spec.kwargs.join(', ')}` : `; '${fn}' takes none`;
            throw new ProgramError('unknownKeyword', token.pos, `unknown keyword argument '${token.text}'${allowed}`, { name: token.text, fn });
          }
          if (kwargs.some((k) => k.name === token.text)) {
            throw new ProgramError('duplicateKeyword', token.pos, `'${token.text}' is given twice`, { name: token.text });
          }
          kwargs.push({ name: token.text, value: this.sum(), pos: token.pos });
        } else {
          if (kwargs.length > 0) {
            throw new ProgramError('positionalAfterKeyword', token.pos, 'a plain argument cannot follow a keyword argument', {});
          }
          args.push(this.sum());
        }
        if (this.peek().text !== ',') break;
        this.next();
      }
    }
    this.closeParen(open);
    if (args.length < spec.minArgs || args.length > spec.maxArgs) {
      const expected = spec.minArgs === spec.maxArgs ? String(spec.minArgs) : `${spec.minArgs} or ${spec.maxArgs}`;
      throw new ProgramError(
        'argCount',
        fnToken.pos,
        `'${fn}' takes ${expected} argument${spec.maxArgs === 1 ? '' : 's'}, found ${args.length}`,
        { name: fn, expected, found: args.length },
      );
    }
    return { kind: 'call', fn, args, kwargs, pos: fnToken.pos };
  }

  /** `data X, Y = moons(n=200, noise=0.1, seed=1, batch=32)`: the call is checked by the builder. */
  private dataStatement(): Statement {
    this.next();
    const x = this.next();
    this.next(); // ','
    const y = this.next();
    if (y.kind !== 'name') {
      throw new ProgramError('expectedName', y.pos, `expected a name for the targets, e.g. data X, Y = moons(), found ${describe(y)}`, { found: y.text });
    }
    const eq = this.next();
    if (eq.text !== '=') {
      throw new ProgramError('expectedAssign', eq.pos, `expected '=' after '${y.text}', found ${describe(eq)}`, { name: y.text, found: eq.text });
    }
    const fn = this.next();
    if (fn.kind !== 'name' || this.peek().text !== '(') {
      throw new ProgramError('expectedDataSet', fn.pos, `expected a data set such as moons(n=200), found ${describe(fn)}`, { found: fn.text });
    }
    const open = this.next();
    this.parens++;
    const kwargs: Kwarg[] = [];
    while (this.peek().text !== ')') {
      const key = this.next();
      if (key.kind !== 'name' || this.peek().text !== '=') {
        throw new ProgramError('expectedKeyword', key.pos, `a data set takes keyword arguments such as n=200 or seed=1, found ${describe(key)}`, { found: key.text });
      }
      this.next();
      if (kwargs.some((k) => k.name === key.text)) throw new ProgramError('duplicateKeyword', key.pos, `'${key.text}' is given twice`, { name: key.text });
      kwargs.push({ name: key.text, value: this.sum(), pos: key.pos });
      if (this.peek().text !== ',') break;
      this.next();
    }
    this.closeParen(open);
    return { name: x.text, namePos: x.pos, expr: { kind: 'call', fn: fn.text, args: [], kwargs, pos: fn.pos }, targets: { name: y.text, pos: y.pos } };
  }

  /** `[1, -2]`, `[[1, 2], [3, 4]]`: numbers, maybe negated, or nested arrays. */
  private array(): Expr {
    const open = this.next();
    this.enter(open.pos);
    this.parens++;
    try {
      const items: Expr[] = [];
      if (this.peek().text !== ']') {
        for (;;) {
          items.push(this.arrayItem());
          if (this.peek().text !== ',') break;
          this.next();
          if (this.peek().text === ']') break; // a trailing comma
        }
      }
      const close = this.peek();
      this.parens--;
      if (close.text !== ']') {
        throw new ProgramError(
          'expectedCloseBracket',
          close.pos,
          `expected ']' to close the '[' at line ${open.pos.line}, col ${open.pos.col}, found ${describe(close)}`,
          { line: open.pos.line, col: open.pos.col, found: close.text },
        );
      }
      this.next();
      return { kind: 'array', items, pos: open.pos };
    } finally {
      this.depth--;
    }
  }

  private arrayItem(): Expr {
    const token = this.peek();
    if (token.text === '[') return this.array();
    if (token.text === '-' && this.tokens[this.index + 1]?.kind === 'num') {
      this.next();
      const num = this.next();
      return { kind: 'unary', op: 'neg', arg: { kind: 'num', value: num.value as number, text: num.text, pos: num.pos }, pos: token.pos };
    }
    if (token.kind === 'num') {
      this.next();
      return { kind: 'num', value: token.value as number, text: token.text, pos: token.pos };
    }
    throw new ProgramError('expectedArrayItem', token.pos, `expected a number or '[' inside a vector or matrix, found ${describe(token)}`, {
      found: token.text,
    });
  }
}

const AUGMENTED: ReadonlyMap<string, BinaryOp> = new Map([['+=', 'add'], ['-=', 'sub'], ['*=', 'mul'], ['/=', 'div']]);
const PRODUCT_OPS: ReadonlyMap<string, BinaryOp> = new Map([['*', 'mul'], ['/', 'div'], ['@', 'matmul']]);

function children(expr: Expr): Expr[] {
  switch (expr.kind) {
    case 'unary':
      return [expr.arg];
    case 'binary':
      return [expr.left, expr.right];
    case 'call':
      return [...expr.args, ...expr.kwargs.map((k) => k.value)];
    case 'array':
      return expr.items;
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
