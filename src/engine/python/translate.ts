// Gives parsed Python its Chainstep meaning (CONTRACTS §11): `a = Value(2.0, label='a')`
// becomes the statement `a = 2.0` with display 'a'; `x.label = 'x'` sets the display
// of the statement that made the value x holds; `c += e` is `c = c + e`, a new
// version of c; `L.backward()` names the output. Positions stay those of the Python.
import type { BinaryOp, Expr, Pos, Program, SourceLanguage, Statement } from '../ast';
import { ProgramError } from '../errors';
import { MAX_STATEMENTS } from '../limits';
import { SUPPORTED } from './parser';
import { children, dottedName, startOf, type PyExpr, type PyKeyword, type PyStatement } from './syntax';
import { DEFAULT_IMPORTS, FLOAT_DTYPES, methodNames, PY_FUNCTIONS, PY_METHODS, SHOWN_ATTRIBUTES, type PyMeaning } from './vocabulary';

const BINARY: Readonly<Record<string, BinaryOp>> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '**': 'pow', '@': 'matmul' };

/** A number as written: a literal, maybe signed, or `float('inf')`. */
interface NumberLiteral {
  value: number;
  text: string;
  /** Where the literal starts (its sign, if any). */
  pos: Pos;
  /** Where its digits start. */
  digits: Pos;
}

/** What the right-hand side of an assignment made: a leaf (an input) or a computed value. */
interface Made {
  expr: Expr;
  display?: string;
  param?: boolean;
}

function numberExpr(n: NumberLiteral): Expr {
  // As the native parser writes `-4.0`: a negation of a literal (the builder reads both as one number).
  if (n.value < 0 || Object.is(n.value, -0)) {
    const text = n.text.replace(/^-/, '');
    return { kind: 'unary', op: 'neg', arg: { kind: 'num', value: -n.value, text, pos: n.digits }, pos: n.pos };
  }
  return { kind: 'num', value: n.value, text: n.text, pos: n.digits };
}

/** The names an expression reads (without recursion). */
function namesIn(root: PyExpr): Set<string> {
  const names = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const expr = stack.pop() as PyExpr;
    if (expr.kind === 'name') names.add(expr.name);
    stack.push(...children(expr));
  }
  return names;
}

function describeValue(expr: PyExpr): string {
  switch (expr.kind) {
    case 'num':
      return expr.text;
    case 'str':
      return 'a string';
    case 'name':
      return `'${expr.name}'`;
    case 'bool':
      return expr.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return 'a list';
    default:
      return 'an expression';
  }
}

class Translator {
  private readonly statements: Statement[] = [];
  /** For each name, the statement that made the value it holds (an alias shares its value's). */
  private readonly origin = new Map<string, number>();
  private readonly imports = new Map(DEFAULT_IMPORTS);
  private output: Program['output'];

  constructor(private readonly language: SourceLanguage) {}

  program(statements: readonly PyStatement[]): Program {
    for (const st of statements) this.statement(st);
    if (this.statements.length === 0) {
      throw new ProgramError('empty', { line: 1, col: 1 }, "the program assigns nothing; write at least one value, e.g. x = Value(2.0)", {});
    }
    const program: Program = { statements: this.statements, language: this.language };
    if (this.output) program.output = this.output;
    return program;
  }

  private statement(st: PyStatement): void {
    switch (st.kind) {
      case 'ignored':
        return;
      case 'import':
        for (const [name, path] of st.bindings) this.imports.set(name, path);
        return;
      case 'expr':
        return this.expressionStatement(st.expr);
      case 'augassign':
        return this.augmented(st.target, st.op, st.value, st.pos);
      case 'assign':
        return this.assign(st.targets, st.value);
    }
  }

  // ---- statements ----------------------------------------------------------

  private emit(name: string, namePos: Pos, made: Made): void {
    if (this.statements.length >= MAX_STATEMENTS) {
      throw new ProgramError('tooManyStatements', namePos, `the program has more than ${MAX_STATEMENTS} statements`, { max: MAX_STATEMENTS });
    }
    const st: Statement = { name, namePos, expr: made.expr };
    if (made.param) st.param = true;
    if (made.display) st.display = made.display;
    this.statements.push(st);
    // `b = a` binds b to a's value: a label set through either name labels that value.
    this.origin.set(name, made.expr.kind === 'name' ? (this.origin.get(made.expr.name) as number) : this.statements.length - 1);
  }

  private assign(targets: readonly PyExpr[], value: PyExpr): void {
    const [first, ...rest] = targets;
    if (first.kind === 'attr') {
      if (rest.length > 0) this.badTarget(rest[0]);
      return this.setAttribute(first, value);
    }
    if (first.kind === 'tuple') {
      if (rest.length > 0) this.badTarget(rest[0]);
      return this.unpack(first.items, value);
    }
    if (first.kind !== 'name') this.badTarget(first);
    this.emit(first.name, first.pos, this.made(value));
    // `a = b = Value(1.0)`: both names hold the one value.
    for (const target of rest) {
      if (target.kind !== 'name') this.badTarget(target);
      this.emit(target.name, target.pos, { expr: { kind: 'name', name: first.name, pos: first.pos } });
    }
  }

  /** `xmg, ymg = x, y`: one statement per name, in order, when that keeps Python's meaning. */
  private unpack(targets: readonly PyExpr[], value: PyExpr): void {
    if (value.kind !== 'tuple' || value.items.length !== targets.length) {
      throw new ProgramError(
        'pyUnpack',
        value.pos,
        `this line assigns ${targets.length} names, so write ${targets.length} values separated by commas on the right`,
        { count: targets.length },
      );
    }
    const assigned = new Set<string>();
    targets.forEach((target, i) => {
      if (target.kind !== 'name') this.badTarget(target);
      const item = value.items[i];
      // Python computes every value before it assigns any: `a, b = b, a` swaps. One line at a time would not.
      const reread = [...namesIn(item)].find((n) => assigned.has(n));
      if (reread !== undefined) {
        throw new ProgramError(
          'pyUnpack',
          item.pos,
          `'${reread}' is assigned earlier on this same line; write the assignments on separate lines`,
          { count: targets.length },
        );
      }
      this.emit(target.name, target.pos, this.made(item));
      assigned.add(target.name);
    });
  }

  private badTarget(target: PyExpr): never {
    throw new ProgramError('expectedName', startOf(target), `expected a name to assign to, e.g. y = x * 2, found ${describeValue(target)}`, { found: describeValue(target) });
  }

  /** `x.label = 'x'`, `x.requires_grad = True`. */
  private setAttribute(target: Extract<PyExpr, { kind: 'attr' }>, value: PyExpr): void {
    const owner = this.ownerOf(target);
    const st = this.statements[owner];
    if (target.name === 'label') {
      if (value.kind !== 'str' || value.prefix !== '') this.labelError(value);
      if (value.value === '') delete st.display;
      else st.display = value.value;
      return;
    }
    if (target.name === 'requires_grad') {
      if (value.kind !== 'bool') {
        throw new ProgramError('pyBool', startOf(value), `requires_grad is True or False, found ${describeValue(value)}`, { name: 'requires_grad' });
      }
      this.setParam(owner, value.value);
      return;
    }
    throw new ProgramError(
      'pyAttributeSet',
      target.pos,
      `setting .${target.name} is not supported: Chainstep computes values and gradients itself; only .label and .requires_grad can be set`,
      { name: target.name },
    );
  }

  /** A trainable input (§10) is what PyTorch calls a leaf that requires grad. */
  private setParam(index: number, on: boolean): void {
    const st = this.statements[index];
    if (!isLiteral(st.expr)) return; // PyTorch refuses requires_grad on a computed value; nothing to mark here
    if (on) st.param = true;
    else delete st.param;
  }

  /** The statement that made the value a `name.attr` target refers to. */
  private ownerOf(target: Extract<PyExpr, { kind: 'attr' }>): number {
    const object = target.object;
    if (object.kind !== 'name') {
      throw new ProgramError('expectedName', startOf(object), `set .${target.name} on a name, e.g. e.${target.name} = …`, { found: describeValue(object) });
    }
    const owner = this.origin.get(object.name);
    if (owner === undefined) this.undefinedName(object.name, object.pos);
    return owner;
  }

  private augmented(target: PyExpr, op: string, value: PyExpr, pos: Pos): void {
    if (target.kind === 'attr') {
      throw new ProgramError(
        'pyAttributeSet',
        target.pos,
        `changing .${target.name} is not supported: Chainstep computes values and gradients itself; only .label and .requires_grad can be set`,
        { name: target.name },
      );
    }
    if (target.kind !== 'name') this.badTarget(target);
    const old = this.read(target);
    // `c += e` is `c = c + e`: a new version of c computed from the old one.
    this.emit(target.name, target.pos, { expr: { kind: 'binary', op: BINARY[op], left: old, right: this.expr(value), pos } });
  }

  private expressionStatement(expr: PyExpr): void {
    if (expr.kind === 'str') return; // a docstring
    if (this.isShown(expr)) return;
    if (expr.kind === 'call' && expr.callee.kind === 'attr') {
      const method = expr.callee.name;
      const object = expr.callee.object;
      if (method === 'backward' || method === 'retain_grad' || method === 'requires_grad_') {
        if (object.kind !== 'name') {
          throw new ProgramError('pyMethodTarget', startOf(object), `call .${method}() on a name, e.g. L.${method}()`, { name: method });
        }
        const owner = this.origin.get(object.name);
        if (owner === undefined) this.undefinedName(object.name, object.pos);
        if (method === 'requires_grad_') {
          this.setParam(owner, this.flag(expr, method));
          return;
        }
        if (expr.args.length > 0 || expr.keywords.length > 0) {
          const at = expr.args[0]?.pos ?? expr.keywords[0].pos;
          throw new ProgramError('argCount', at, `'${method}' takes no arguments here`, { name: method, expected: 0, found: expr.args.length + expr.keywords.length });
        }
        if (method === 'backward') this.backward(object.name, object.pos, expr.callee.pos);
        return;
      }
    }
    // Say what is wrong with the expression itself first (an MLP, an unknown function), then that it is not assigned.
    this.expr(expr);
    throw new ProgramError('pyBareExpression', startOf(expr), `this line computes a value without naming it; write a name and = in front, e.g. y = …`, {});
  }

  private backward(name: string, pos: Pos, methodPos: Pos): void {
    if (this.output) {
      throw new ProgramError(
        'pyBackwardTwice',
        methodPos,
        `.backward() is already called at line ${this.output.pos.line}; Chainstep steps one backward pass, so keep one`,
        { line: this.output.pos.line },
      );
    }
    this.output = { name, pos, after: this.statements.length };
  }

  /** A line that only shows something in a notebook: `L`, `x.grad`, `y.data.item()`. */
  private isShown(expr: PyExpr): boolean {
    let e = expr;
    if (e.kind === 'call' && e.args.length === 0 && e.keywords.length === 0 && e.callee.kind === 'attr' && e.callee.name === 'item') e = e.callee.object;
    while (e.kind === 'attr' && SHOWN_ATTRIBUTES.has(e.name)) e = e.object;
    if (e.kind !== 'name') return false;
    if (!this.origin.has(e.name)) this.undefinedName(e.name, e.pos);
    return true;
  }

  // ---- values ----------------------------------------------------------------

  /** The right-hand side of an assignment: a leaf constructor (an input), or any expression. */
  private made(value: PyExpr): Made {
    // `torch.Tensor([2.0]).double()`, `torch.tensor(2.0).requires_grad_()`: a leaf with conversions after it.
    let e = value;
    let param = false;
    while (e.kind === 'call' && e.callee.kind === 'attr' && PY_METHODS.get(e.callee.name)?.kind === 'identity' && this.resolve(e.callee) === null) {
      if (e.callee.name === 'requires_grad_') param = this.flag(e, 'requires_grad_');
      else this.keywords(e.keywords, [], e.callee.name);
      e = e.callee.object;
    }
    const leaf = this.leafCall(e);
    if (leaf && e.kind === 'call') {
      const made = this.leaf(e, leaf);
      if (made) return param ? { ...made, param: true } : made;
    }
    // `x = 2.0`, `x = -4.0`: an input, as in the native language; `x = --4.0` computes a negation.
    const literal = this.plainLiteral(value);
    if (literal) return { expr: numberExpr(literal) };
    return { expr: this.expr(value) };
  }

  /** The True or False given to `x.requires_grad_(…)` (True when none is given). */
  private flag(call: Extract<PyExpr, { kind: 'call' }>, name: string): boolean {
    this.keywords(call.keywords, ['requires_grad'], name);
    const on = call.args[0] ?? call.keywords[0]?.value;
    if (call.args.length > 1) throw new ProgramError('argCount', call.args[1].pos, `'${name}' takes 1 argument, found ${call.args.length}`, { name, expected: 1, found: call.args.length });
    if (on === undefined) return true;
    if (on.kind !== 'bool') throw new ProgramError('pyBool', on.pos, `${name} takes True or False, found ${describeValue(on)}`, { name });
    return on.value;
  }

  /** The constructor a call makes a leaf with, when it is one (`Value(…)`, `torch.tensor(…)`). */
  private leafCall(e: PyExpr): Extract<PyMeaning, { kind: 'leaf' }> | null {
    if (e.kind !== 'call') return null;
    const meaning = this.functionOf(e.callee);
    return meaning?.kind === 'leaf' ? meaning : null;
  }

  /**
   * A leaf statement's value, display and param: `Value(2.0, label='a')`, `torch.tensor(-4.0,
   * requires_grad=True)`, `torch.Tensor([2.0])`. Null for `torch.as_tensor(x)` of a computed x.
   */
  private leaf(call: Extract<PyExpr, { kind: 'call' }>, leaf: Extract<PyMeaning, { kind: 'leaf' }>): Made | null {
    const fn = leaf.constructor === 'Value' ? 'Value' : `torch.${leaf.constructor}`;
    const allowed = leaf.constructor === 'Value' ? ['data', 'label'] : ['requires_grad', 'dtype'];
    const kw = this.keywords(call.keywords, allowed, fn);
    const data = call.args[0] ?? kw.get('data');
    if (call.args.length > 1 || (call.args.length > 0 && kw.has('data'))) {
      const extra = call.args.length > 1 ? call.args[1] : (kw.get('data') as PyExpr);
      throw new ProgramError(
        'pyValueArgs',
        extra.pos,
        leaf.constructor === 'Value' ? "Value takes one number; give a label as label='a'" : `${fn} takes one number or list; give the rest as requires_grad=True or dtype=…`,
        { fn },
      );
    }
    if (data === undefined) {
      throw new ProgramError('pyValueNumber', call.pos, `${fn} needs a number, e.g. ${fn}(2.0)`, { fn });
    }
    const made: Made = { expr: { kind: 'num', value: 0, text: '0', pos: data.pos } };
    const label = kw.get('label');
    if (label !== undefined) {
      if (label.kind !== 'str' || label.prefix !== '') this.labelError(label);
      if (label.value !== '') made.display = label.value;
    }
    const requires = kw.get('requires_grad');
    if (requires !== undefined) {
      if (requires.kind !== 'bool') throw new ProgramError('pyBool', startOf(requires), `requires_grad is True or False, found ${describeValue(requires)}`, { name: 'requires_grad' });
      if (requires.value) made.param = true;
    }
    const dtype = kw.get('dtype');
    if (dtype !== undefined) this.checkDtype(dtype);
    // `torch.as_tensor(--2.0)` inside an expression computes the negation, as `-(-2)` does in the native language.
    const number = leaf.constructor === 'as_tensor' ? this.plainLiteral(data) : this.numberLiteral(data);
    if (number) {
      if (leaf.constructor === 'Tensor') {
        throw new ProgramError(
          'pyTensorNumber',
          data.pos,
          `torch.Tensor(${number.text}) makes an uninitialised tensor of that size; write torch.tensor(${number.text}) or torch.Tensor([${number.text}])`,
          { fn },
        );
      }
      made.expr = numberExpr(number);
      return made;
    }
    if (data.kind === 'list' && leaf.constructor !== 'Value') {
      made.expr = this.tensorLiteral(data);
      return made;
    }
    if (leaf.constructor === 'as_tensor' && data.kind !== 'str' && data.kind !== 'bool' && data.kind !== 'none') return null;
    const detail = leaf.constructor === 'Value' ? `Value takes a number, e.g. Value(2.0), found ${describeValue(data)}` : `${fn} takes a number or a list of numbers, found ${describeValue(data)}`;
    throw new ProgramError('pyValueNumber', startOf(data), detail, { fn });
  }

  /** `[2.0]` is the number 2.0 (as in the lecture's `torch.Tensor([2.0])`); other lists are vectors and matrices (§9). */
  private tensorLiteral(list: Extract<PyExpr, { kind: 'list' }>): Expr {
    if (list.items.length === 1) {
      const only = this.numberLiteral(list.items[0]);
      if (only) return numberExpr(only);
    }
    const item = (e: PyExpr): Expr => {
      if (e.kind === 'list') return { kind: 'array', items: e.items.map(item), pos: e.pos };
      const n = this.numberLiteral(e);
      if (!n) {
        throw new ProgramError('expectedArrayItem', startOf(e), `expected a number or '[' inside a vector or matrix, found ${describeValue(e)}`, { found: describeValue(e) });
      }
      return numberExpr(n);
    };
    return { kind: 'array', items: list.items.map(item), pos: list.pos };
  }

  private checkDtype(dtype: PyExpr): void {
    const path = this.resolve(dtype);
    if (path === null || !FLOAT_DTYPES.has(path)) {
      throw new ProgramError('pyDtype', startOf(dtype), 'Chainstep computes with real numbers in float64; write dtype=torch.float64 (or leave dtype out)', {});
    }
  }

  private labelError(value: PyExpr): never {
    throw new ProgramError('pyLabelString', startOf(value), `a label is a plain string, e.g. label='a', found ${describeValue(value)}`, { found: describeValue(value) });
  }

  /** Checks keyword names against `allowed`; returns them by name. */
  private keywords(keywords: readonly PyKeyword[], allowed: readonly string[], fn: string): Map<string, PyExpr> {
    const out = new Map<string, PyExpr>();
    for (const k of keywords) {
      if (!allowed.includes(k.name)) {
        const takes = allowed.length ? `; '${fn}' takes ${allowed.join(', ')}` : `; '${fn}' takes none`;
        throw new ProgramError('unknownKeyword', k.pos, `unknown keyword argument '${k.name}'${takes}`, { name: k.name, fn });
      }
      out.set(k.name, k.value);
    }
    return out;
  }

  /** A literal the native language would read as one number: at most one sign (`-4.0`, not `--4.0`). */
  private plainLiteral(e: PyExpr): NumberLiteral | null {
    return e.kind === 'unary' && e.arg.kind === 'unary' ? null : this.numberLiteral(e);
  }

  /** A number literal, maybe signed, or `float('inf')`, `float('nan')`. */
  private numberLiteral(e: PyExpr): NumberLiteral | null {
    if (e.kind === 'num') return { value: e.value, text: e.text, pos: e.pos, digits: e.pos };
    if (e.kind === 'unary') {
      const inner = this.numberLiteral(e.arg);
      if (!inner) return null;
      if (e.op === '+') return { ...inner, pos: e.pos };
      return { value: -inner.value, text: inner.text.startsWith('-') ? inner.text.slice(1) : `-${inner.text}`, pos: e.pos, digits: inner.digits };
    }
    if (e.kind === 'call' && e.callee.kind === 'name' && e.callee.name === 'float' && !this.origin.has('float') && e.args.length === 1 && e.keywords.length === 0) {
      const arg = e.args[0];
      if (arg.kind === 'num') return { value: arg.value, text: arg.text, pos: e.pos, digits: e.pos };
      if (arg.kind === 'str') {
        const word = arg.value.trim().toLowerCase();
        const sign = word.startsWith('-') ? -1 : 1;
        const bare = word.replace(/^[+-]/, '');
        const value = bare === 'inf' || bare === 'infinity' ? sign * Infinity : bare === 'nan' ? NaN : word === '' ? NaN : Number(word);
        if (!Number.isNaN(value) || bare === 'nan') return { value, text: `float('${arg.value}')`, pos: e.pos, digits: e.pos };
      }
    }
    return null;
  }

  // ---- expressions -----------------------------------------------------------

  private undefinedName(name: string, pos: Pos): never {
    const example = this.language === 'pytorch' ? `${name} = torch.tensor(1.0, requires_grad=True)` : `${name} = Value(1.0)`;
    throw new ProgramError('pyUndefinedName', pos, `'${name}' is not defined above this line; define it first, e.g. ${example}`, { name });
  }

  private read(name: Extract<PyExpr, { kind: 'name' }>): Expr {
    if (!this.origin.has(name.name)) {
      if (this.imports.has(name.name)) {
        throw new ProgramError('pyNotAValue', name.pos, `'${name.name}' is a module or class, not a value; ${SUPPORTED}`, { name: name.name });
      }
      this.undefinedName(name.name, name.pos);
    }
    return { kind: 'name', name: name.name, pos: name.pos };
  }

  /** The dotted path a callee or attribute names after imports, or null when it is a value (`x.relu`). */
  private resolve(e: PyExpr): string | null {
    const dotted = dottedName(e);
    if (dotted === null) return null;
    const [head, ...rest] = dotted.split('.');
    if (this.origin.has(head)) return null; // a variable: `F = Value(1.0)` shadows the import
    const module = this.imports.get(head);
    if (module === undefined) return rest.length === 0 ? head : null;
    return [module, ...rest].join('.');
  }

  private functionOf(callee: PyExpr): PyMeaning | null {
    const path = this.resolve(callee);
    return path === null ? null : (PY_FUNCTIONS.get(path) ?? null);
  }

  /** A value inside an expression (never a leaf: an unnamed Value would have no name to show its gradient by). */
  private expr(e: PyExpr): Expr {
    switch (e.kind) {
      case 'num':
        return { kind: 'num', value: e.value, text: e.text, pos: e.pos };
      case 'name':
        return this.read(e);
      case 'unary':
        return e.op === '+' ? this.expr(e.arg) : { kind: 'unary', op: 'neg', arg: this.expr(e.arg), pos: e.pos };
      case 'binary':
        return { kind: 'binary', op: BINARY[e.op], left: this.expr(e.left), right: this.expr(e.right), pos: e.pos };
      case 'call':
        return this.call(e);
      case 'attr':
        return this.attribute(e);
      case 'list':
        throw new ProgramError('pyList', e.pos, 'a Python list is not a value here; write torch.tensor([…]) for a vector or matrix', {});
      case 'tuple':
        throw new ProgramError('pyList', e.pos, 'a tuple is not a value here; assign each value to its own name', {});
      case 'str':
      case 'bool':
      case 'none':
        throw new ProgramError('pyNotAValue', e.pos, `${describeValue(e)} is not a number Chainstep can compute with`, { name: describeValue(e) });
    }
  }

  private attribute(e: Extract<PyExpr, { kind: 'attr' }>): Expr {
    if (e.name === 'T' && this.resolve(e) === null) return { kind: 'call', fn: 'transpose', args: [this.expr(e.object)], kwargs: [], pos: e.pos };
    if (e.name === 'data' || e.name === 'grad') {
      throw new ProgramError(
        'pyReadAttribute',
        e.pos,
        `reading .${e.name} inside a computation is not supported: it would leave the graph; compute with the value itself`,
        { name: e.name },
      );
    }
    const path = this.resolve(e);
    throw new ProgramError('pyUnknownName', e.pos, `'${path ?? `.${e.name}`}' is not supported; ${SUPPORTED}`, { name: path ?? `.${e.name}` });
  }

  private call(e: Extract<PyExpr, { kind: 'call' }>): Expr {
    const path = this.resolve(e.callee);
    if (path !== null) {
      const meaning = PY_FUNCTIONS.get(path);
      if (meaning) return this.apply(meaning, path.split('.').pop() as string, e, e.args, 0);
      const number = this.numberLiteral(e);
      if (number) return numberExpr(number);
      throw new ProgramError('pyUnknownName', e.pos, `'${path}(…)' is not supported; ${SUPPORTED}`, { name: path });
    }
    if (e.callee.kind === 'attr') {
      const method = e.callee.name;
      const meaning = PY_METHODS.get(method);
      if (!meaning) {
        throw new ProgramError('pyUnknownName', e.pos, `'.${method}()' is not supported; the methods are ${methodNames()}`, { name: `.${method}()` });
      }
      return this.apply(meaning, method, e, [e.callee.object, ...e.args], 1);
    }
    throw new ProgramError('pyUnknownName', e.pos, `this call is not supported; ${SUPPORTED}`, { name: '(…)' });
  }

  /**
   * A known function or method applied to `args`: for a method (`offset` 1) the
   * object comes first, and argument counts in messages leave it out.
   */
  private apply(meaning: PyMeaning, name: string, e: Extract<PyExpr, { kind: 'call' }>, args: readonly PyExpr[], offset: 0 | 1): Expr {
    const keywords = e.keywords;
    const count = (min: number, max = min): void => {
      if (args.length < min || args.length > max) {
        const expected = min === max ? String(min - offset) : `${min - offset} or ${max - offset}`;
        const found = args.length - offset;
        throw new ProgramError('argCount', e.pos, `'${name}' takes ${expected} argument${max - offset === 1 ? '' : 's'}, found ${found}`, { name, expected, found });
      }
    };
    const call = (fn: string, values: readonly PyExpr[], extra: Expr[] = []): Expr => ({ kind: 'call', fn, args: [...values.map((v) => this.expr(v)), ...extra], kwargs: [], pos: e.pos });
    /** An axis given by position or keyword (`x.sum(0)`, `x.sum(dim=0)`). */
    const axis = (names: readonly string[]): PyExpr | undefined => {
      const kw = this.keywords(keywords, names, name);
      count(1, kw.size > 0 ? 1 : 2);
      return args[1] ?? [...kw.values()][0];
    };
    switch (meaning.kind) {
      case 'nn':
        throw new ProgramError(
          'pyNn',
          e.pos,
          `micrograd.nn's ${name} is not supported: Chainstep steps one expression, not a model; write the neuron out with Value, * and + and .tanh(), or use Build a network`,
          { name },
        );
      case 'leaf': {
        // Inside an expression only a constant can be made in place: `torch.as_tensor(2.0)`, `torch.tensor([1., -1.])`.
        const made = this.leaf(e, meaning);
        if (made === null) return this.expr(args[0]);
        if (meaning.constructor === 'Value' || made.param) {
          throw new ProgramError(
            'pyInlineLeaf',
            e.pos,
            `give this ${meaning.constructor === 'Value' ? 'Value' : 'tensor'} a name on a line of its own, e.g. v = ${meaning.constructor === 'Value' ? 'Value(2.0)' : 'torch.tensor(2.0, requires_grad=True)'}, so its gradient can be shown`,
            {},
          );
        }
        return made.expr;
      }
      case 'unary':
        this.keywords(keywords, [], name);
        count(1);
        return call(meaning.fn, [args[0]]);
      case 'binary': {
        this.keywords(keywords, [], name);
        count(2);
        const [a, b] = args.map((v) => this.expr(v));
        if (meaning.fn === 'pow' || meaning.fn === 'matmul') return { kind: 'binary', op: meaning.fn, left: a, right: b, pos: e.pos };
        return { kind: 'call', fn: meaning.fn, args: [a, b], kwargs: [], pos: e.pos };
      }
      case 'identity':
        if (name === 'requires_grad_') this.flag(e, name);
        else this.keywords(keywords, [], name);
        count(1, name === 'requires_grad_' ? 2 : 1);
        return this.expr(args[0]);
      case 'transpose':
        this.keywords(keywords, [], name);
        count(1);
        return call('transpose', [args[0]]);
      case 'reduce': {
        const dimExpr = axis(['dim', 'axis']);
        if (dimExpr === undefined) return call(meaning.fn, [args[0]]);
        const dim = this.numberLiteral(dimExpr);
        if (!dim || (dim.value !== 0 && dim.value !== 1)) {
          throw new ProgramError('pyDim', startOf(dimExpr), `${name} goes along dim=0 (down the rows) or dim=1 (along each row); found ${describeValue(dimExpr)}`, { name });
        }
        return call(meaning.fn, [args[0]], [{ kind: 'num', value: dim.value, text: String(dim.value), pos: dim.pos }]);
      }
      case 'softmax': {
        const dimExpr = axis(['dim']);
        if (dimExpr !== undefined) {
          const dim = this.numberLiteral(dimExpr);
          if (!dim || (dim.value !== -1 && dim.value !== 1)) {
            throw new ProgramError('pyDim', startOf(dimExpr), `softmax is taken over the last axis: write dim=-1; found ${describeValue(dimExpr)}`, { name });
          }
        }
        return call('softmax', [args[0]]);
      }
    }
  }
}

function isLiteral(expr: Expr): boolean {
  return expr.kind === 'num' || expr.kind === 'array' || (expr.kind === 'unary' && expr.arg.kind === 'num');
}

export function translate(statements: readonly PyStatement[], language: SourceLanguage): Program {
  return new Translator(language).program(statements);
}
