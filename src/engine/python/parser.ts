// A recursive-descent parser for the straight-line Python students write with
// micrograd or PyTorch. It parses Python's syntax only (syntax.ts); meaning
// comes later (translate.ts). Recursion is bounded by MAX_DEPTH and every
// statement's tree by MAX_EXPR_HEIGHT, so no input can overflow the stack.
//
//   file      := line* eof             line := simple (';' simple)* ';'? newline
//   simple    := import | 'print' '(' … | 'draw_dot' '(' … | assign | augassign | tuple
//   assign    := tuple ('=' tuple)+    augassign := postfix ('+=' | '-=' | '*=' | '/=') sum
//   tuple     := sum (',' sum)* ','?
//   sum       := term (('+' | '-') term)*
//   term      := factor (('*' | '/' | '@') factor)*
//   factor    := ('-' | '+') factor | power
//   power     := postfix ('**' factor)?
//   postfix   := atom ('.' name | '(' args ')')*
//   atom      := name | number | string+ | True | False | None | '(' tuple ')' | '[' (sum (',' sum)* ','?)? ']'
//   args      := (arg (',' arg)* ','?)?    arg := name '=' sum | sum
import type { Pos } from '../ast';
import { ProgramError } from '../errors';
import { MAX_DEPTH, MAX_EXPR_HEIGHT, MAX_STATEMENTS } from '../limits';
import { tokenizePython, type PyToken } from './lexer';
import { children, type PyExpr, type PyKeyword, type PyStatement } from './syntax';

/** What the reader understands, for the messages about what it does not. */
export const SUPPORTED =
  "Chainstep reads straight-line code: names assigned Value(…) or torch.tensor(…, requires_grad=True), + - * / **, .relu() .tanh() .exp() and the other functions, x.label = '…' and L.backward()";

/** Statements Python has and Chainstep does not read, each with the message a student sees. */
const BLOCK_KEYWORDS = new Set(['def', 'for', 'while', 'if', 'elif', 'else', 'class', 'with', 'try', 'except', 'finally', 'async', 'match']);
const OTHER_KEYWORDS = new Set(['return', 'lambda', 'assert', 'del', 'global', 'nonlocal', 'pass', 'raise', 'yield', 'await', 'break', 'continue']);
const EXPR_KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'else', 'for', 'lambda']);
const COMPARISONS = new Set(['==', '!=', '<', '>', '<=', '>=']);
const AUGMENTED: ReadonlyMap<string, string> = new Map([['+=', '+'], ['-=', '-'], ['*=', '*'], ['/=', '/']]);
/** Calls whose whole line is skipped: they print or draw, and change nothing. */
const IGNORED_CALLS = new Set(['print', 'draw_dot']);

function describe(token: PyToken): string {
  if (token.kind === 'eof') return 'the end of the program';
  if (token.kind === 'newline') return 'the end of the line';
  if (token.kind === 'str') return 'a string';
  return `'${token.text}'`;
}

class Parser {
  private index = 0;
  private depth = 0;
  /** The column of the first logical line: every line must start there (no blocks). */
  private baseIndent: number | null = null;

  constructor(private readonly tokens: PyToken[]) {}

  private peek(offset = 0): PyToken {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  private next(): PyToken {
    const token = this.peek();
    if (token.kind !== 'eof') this.index++;
    return token;
  }

  private isOp(text: string, token = this.peek()): boolean {
    return token.kind === 'op' && token.text === text;
  }

  private expectOp(text: string, open: PyToken | null, what: string): PyToken {
    const token = this.peek();
    if (this.isOp(text)) return this.next();
    if (open && (text === ')' || text === ']')) {
      throw new ProgramError(
        text === ')' ? 'expectedCloseParen' : 'expectedCloseBracket',
        token.pos,
        `expected '${text}' to close the '${open.text}' at line ${open.pos.line}, col ${open.pos.col}, found ${describe(token)}`,
        { line: open.pos.line, col: open.pos.col, found: token.text },
      );
    }
    throw new ProgramError('expectedExpr', token.pos, `expected ${what}, found ${describe(token)}`, { after: '', found: token.text });
  }

  private enter(pos: Pos): void {
    if (++this.depth > MAX_DEPTH) {
      throw new ProgramError('tooDeep', pos, `the expression is nested more than ${MAX_DEPTH} levels deep; split it into several statements`, { max: MAX_DEPTH });
    }
  }

  file(): PyStatement[] {
    const statements: PyStatement[] = [];
    while (this.peek().kind !== 'eof') {
      const first = this.peek();
      if (first.kind === 'newline') {
        this.next();
        continue;
      }
      this.checkIndent(first);
      for (;;) {
        if (statements.length >= MAX_STATEMENTS) {
          throw new ProgramError('tooManyStatements', this.peek().pos, `the program has more than ${MAX_STATEMENTS} statements`, { max: MAX_STATEMENTS });
        }
        const statement = this.simple();
        checkHeight(statement);
        statements.push(statement);
        if (!this.isOp(';')) break;
        this.next();
        if (this.peek().kind === 'newline' || this.peek().kind === 'eof') break;
      }
      const end = this.peek();
      if (end.kind !== 'newline' && end.kind !== 'eof') this.unexpected(end);
      this.next();
    }
    return statements;
  }

  private checkIndent(first: PyToken): void {
    const indent = first.indent ?? 1;
    if (this.baseIndent === null) this.baseIndent = indent;
    else if (indent !== this.baseIndent) {
      throw new ProgramError(
        'pyIndent',
        first.pos,
        `this line is indented ${indent > this.baseIndent ? 'more' : 'less'} than the first line; ${SUPPORTED}, so paste it without the function or loop around it`,
        {},
      );
    }
  }

  /** An error for a token that cannot continue the statement. */
  private unexpected(token: PyToken): never {
    if (token.kind === 'name' && EXPR_KEYWORDS.has(token.text)) this.keywordError(token);
    if (token.kind === 'op' && COMPARISONS.has(token.text)) {
      throw new ProgramError('pyOperator', token.pos, `'${token.text}' is not supported; the operators are + - * / ** and unary -`, { op: token.text });
    }
    if (token.kind === 'op' && (token.text === '**=' || token.text === '//=' || token.text === '%=' || token.text === '@=')) {
      throw new ProgramError('pyOperator', token.pos, `'${token.text}' is not supported; use +=, -=, *= or /=, or write c = c ** 2`, { op: token.text });
    }
    throw new ProgramError('expectedEnd', token.pos, `expected an operator or the end of the statement, found ${describe(token)}`, { found: token.text });
  }

  private keywordError(token: PyToken): never {
    const word = token.text;
    if (word === 'for') {
      throw new ProgramError('pyLoop', token.pos, `a 'for' loop is not supported; ${SUPPORTED}. Write each step on its own line`, { keyword: word });
    }
    if (word === 'while') {
      throw new ProgramError('pyLoop', token.pos, `a 'while' loop is not supported; ${SUPPORTED}. Write each step on its own line`, { keyword: word });
    }
    if (word === 'def' || word === 'class' || word === 'lambda') {
      throw new ProgramError('pyDefinition', token.pos, `'${word}' is not supported: Chainstep does not run functions or classes; ${SUPPORTED}`, { keyword: word });
    }
    throw new ProgramError('pyKeyword', token.pos, `'${word}' is not supported; ${SUPPORTED}`, { keyword: word });
  }

  private simple(): PyStatement {
    const first = this.peek();
    if (first.kind === 'name' && (BLOCK_KEYWORDS.has(first.text) || OTHER_KEYWORDS.has(first.text))) {
      // `match` and friends are soft keywords: `match = 1` still assigns.
      if (!(first.text === 'match' && this.isOp('=', this.peek(1)))) this.keywordError(first);
    }
    if (first.kind === 'name' && (first.text === 'import' || first.text === 'from')) return this.importLine();
    if (first.kind === 'name' && IGNORED_CALLS.has(first.text) && this.isOp('(', this.peek(1))) {
      // Printing and drawing change nothing: skip the line, whatever it prints.
      while (this.peek().kind !== 'newline' && this.peek().kind !== 'eof' && !this.isOp(';')) this.next();
      return { kind: 'ignored', pos: first.pos };
    }
    const left = this.tuple();
    const op = this.peek();
    const augmented = op.kind === 'op' ? AUGMENTED.get(op.text) : undefined;
    if (augmented) {
      this.next();
      return { kind: 'augassign', target: left, op: augmented, value: this.sum(), pos: op.pos };
    }
    if (this.isOp('=')) {
      const targets = [left];
      let value: PyExpr = left;
      while (this.isOp('=')) {
        this.next();
        value = this.tuple();
        targets.push(value);
      }
      targets.pop();
      return { kind: 'assign', targets, value, pos: op.pos };
    }
    return { kind: 'expr', expr: left, pos: first.pos };
  }

  /** `import a.b as c, d` or `from a.b import c as d, (e, f)`: the names bound. Never an error (§11 ignores imports). */
  private importLine(): PyStatement {
    const start = this.peek();
    const bindings: [string, string][] = [];
    const atEnd = (): boolean => this.peek().kind === 'newline' || this.peek().kind === 'eof' || this.isOp(';');
    const dotted = (): string | null => {
      const parts: string[] = [];
      while (this.isOp('.')) {
        this.next();
        parts.push('');
      }
      while (this.peek().kind === 'name') {
        parts.push(this.next().text);
        if (!this.isOp('.')) break;
        this.next();
      }
      return parts.length > 0 ? parts.join('.') : null;
    };
    const alias = (): string | null => {
      if (this.peek().kind === 'name' && this.peek().text === 'as' && this.peek(1).kind === 'name') {
        this.next();
        return this.next().text;
      }
      return null;
    };
    this.next();
    if (start.text === 'import') {
      for (;;) {
        const path = dotted();
        if (path === null) break;
        const name = alias();
        bindings.push(name ? [name, path] : [path.split('.')[0], path.split('.')[0]]);
        if (!this.isOp(',')) break;
        this.next();
      }
    } else {
      const from = dotted();
      if (from !== null && this.peek().text === 'import') {
        this.next();
        const paren = this.isOp('(');
        if (paren) this.next();
        while (this.peek().kind === 'name') {
          const name = this.next().text;
          bindings.push([alias() ?? name, `${from}.${name}`]);
          if (!this.isOp(',')) break;
          this.next();
        }
        if (paren && this.isOp(')')) this.next();
      }
    }
    while (!atEnd()) this.next();
    return { kind: 'import', bindings, pos: start.pos };
  }

  private tuple(): PyExpr {
    const first = this.sum();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.isOp(',')) {
      this.next();
      if (!this.startsExpression(this.peek())) break;
      items.push(this.sum());
    }
    return { kind: 'tuple', items, pos: first.pos };
  }

  private startsExpression(token: PyToken): boolean {
    if (token.kind === 'num' || token.kind === 'str') return true;
    if (token.kind === 'name') return !EXPR_KEYWORDS.has(token.text);
    return token.kind === 'op' && ['(', '[', '-', '+'].includes(token.text);
  }

  private sum(): PyExpr {
    let left = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next();
      left = { kind: 'binary', op: op.text, left, right: this.term(), pos: op.pos };
    }
    return left;
  }

  private term(): PyExpr {
    let left = this.factor();
    for (;;) {
      const op = this.peek();
      if (op.kind === 'op' && (op.text === '//' || op.text === '%')) {
        throw new ProgramError('pyOperator', op.pos, `'${op.text}' is not supported; the operators are + - * / ** and unary -`, { op: op.text });
      }
      if (!(this.isOp('*') || this.isOp('/') || this.isOp('@'))) return left;
      this.next();
      left = { kind: 'binary', op: op.text, left, right: this.factor(), pos: op.pos };
    }
  }

  private factor(): PyExpr {
    const token = this.peek();
    this.enter(token.pos);
    try {
      if (this.isOp('-') || this.isOp('+')) {
        this.next();
        return { kind: 'unary', op: token.text as '-' | '+', arg: this.factor(), pos: token.pos };
      }
      if (this.isOp('~')) {
        throw new ProgramError('pyOperator', token.pos, `'~' is not supported; the operators are + - * / ** and unary -`, { op: '~' });
      }
      const base = this.postfix();
      if (!this.isOp('**')) return base;
      const op = this.next();
      return { kind: 'binary', op: '**', left: base, right: this.factor(), pos: op.pos };
    } finally {
      this.depth--;
    }
  }

  private postfix(): PyExpr {
    let expr = this.atom();
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const name = this.next();
        if (name.kind !== 'name') {
          throw new ProgramError('expectedName', name.pos, `expected a name after '.', e.g. x.relu(), found ${describe(name)}`, { found: name.text });
        }
        expr = { kind: 'attr', object: expr, name: name.text, pos: name.pos };
      } else if (this.isOp('(')) {
        expr = this.call(expr);
      } else if (this.isOp('[')) {
        const open = this.peek();
        throw new ProgramError('pyIndex', open.pos, `indexing with [ ] is not supported; ${SUPPORTED}`, {});
      } else return expr;
    }
  }

  private call(callee: PyExpr): PyExpr {
    const open = this.next();
    const args: PyExpr[] = [];
    const keywords: PyKeyword[] = [];
    while (!this.isOp(')')) {
      const token = this.peek();
      if (token.kind === 'name' && this.isOp('=', this.peek(1))) {
        this.next();
        this.next();
        if (keywords.some((k) => k.name === token.text)) {
          throw new ProgramError('duplicateKeyword', token.pos, `'${token.text}' is given twice`, { name: token.text });
        }
        keywords.push({ name: token.text, value: this.sum(), pos: token.pos });
      } else {
        if (this.isOp('*') || this.isOp('**')) {
          throw new ProgramError('pyOperator', token.pos, `unpacking with '${token.text}' is not supported; write the arguments out`, { op: token.text });
        }
        if (keywords.length > 0) {
          throw new ProgramError('positionalAfterKeyword', token.pos, 'a plain argument cannot follow a keyword argument', {});
        }
        args.push(this.sum());
        this.checkComprehension();
      }
      if (!this.isOp(',')) break;
      this.next();
    }
    this.expectOp(')', open, "')'");
    return { kind: 'call', callee, args, keywords, pos: callee.kind === 'attr' || callee.kind === 'name' ? callee.pos : open.pos, open: open.pos };
  }

  /** `[x for x in xs]`, `sum(w * x for …)`: Chainstep has no loops. */
  private checkComprehension(): void {
    const token = this.peek();
    if (token.kind === 'name' && token.text === 'for') {
      throw new ProgramError('pyComprehension', token.pos, `a comprehension ('for' inside brackets) is not supported; ${SUPPORTED}. Write each value on its own line`, {});
    }
  }

  private atom(): PyExpr {
    const token = this.peek();
    if (token.kind === 'num') {
      this.next();
      return { kind: 'num', value: token.value as number, text: token.text, pos: token.pos };
    }
    if (token.kind === 'str') {
      this.next();
      let value = token.text;
      // Adjacent strings join: 'x1*w1 ' 'label'.
      while (this.peek().kind === 'str') value += this.next().text;
      return { kind: 'str', value, prefix: token.prefix ?? '', pos: token.pos };
    }
    if (token.kind === 'name') {
      if (token.text === 'True' || token.text === 'False') {
        this.next();
        return { kind: 'bool', value: token.text === 'True', pos: token.pos };
      }
      if (token.text === 'None') {
        this.next();
        return { kind: 'none', pos: token.pos };
      }
      if (EXPR_KEYWORDS.has(token.text) || BLOCK_KEYWORDS.has(token.text) || OTHER_KEYWORDS.has(token.text)) {
        if (token.text !== 'match') this.keywordError(token);
      }
      this.next();
      return { kind: 'name', name: token.text, pos: token.pos };
    }
    if (this.isOp('(')) {
      this.next();
      if (this.isOp(')')) {
        this.next();
        return { kind: 'tuple', items: [], pos: token.pos };
      }
      const inner = this.tuple();
      this.checkComprehension();
      this.expectOp(')', token, "')'");
      return inner;
    }
    if (this.isOp('[')) {
      this.next();
      const items: PyExpr[] = [];
      while (!this.isOp(']')) {
        items.push(this.sum());
        this.checkComprehension();
        if (!this.isOp(',')) break;
        this.next();
      }
      this.expectOp(']', token, "']'");
      return { kind: 'list', items, pos: token.pos };
    }
    if (this.isOp('{')) {
      throw new ProgramError('pyOperator', token.pos, `dictionaries and sets are not supported; ${SUPPORTED}`, { op: '{' });
    }
    const previous = this.tokens[this.index - 1];
    const after = previous && previous.kind !== 'newline' && !this.isOp(';', previous) ? previous.text : '';
    if (after) {
      throw new ProgramError('expectedExpr', token.pos, `expected an expression after '${after}', found ${describe(token)}`, { after, found: token.text });
    }
    throw new ProgramError('expectedExpr', token.pos, `expected an expression, found ${describe(token)}`, { after: '', found: token.text });
  }
}

/** Throws tooDeep when a statement's tree is taller than MAX_EXPR_HEIGHT (measured without recursion). */
function checkHeight(statement: PyStatement): void {
  const roots: PyExpr[] =
    statement.kind === 'assign' ? [...statement.targets, statement.value]
    : statement.kind === 'augassign' ? [statement.target, statement.value]
    : statement.kind === 'expr' ? [statement.expr]
    : [];
  const stack: [PyExpr, number][] = roots.map((r) => [r, 1]);
  while (stack.length > 0) {
    const [expr, height] = stack.pop() as [PyExpr, number];
    if (height > MAX_EXPR_HEIGHT) {
      throw new ProgramError('tooDeep', statement.pos, `this statement chains more than ${MAX_EXPR_HEIGHT} operations; split it into several statements`, { max: MAX_EXPR_HEIGHT });
    }
    for (const child of children(expr)) stack.push([child, height + 1]);
  }
}

/** Parses Python text into statements. Throws ProgramError (line and column) on anything it cannot parse. */
export function parsePython(text: string): PyStatement[] {
  return new Parser(tokenizePython(text)).file();
}
