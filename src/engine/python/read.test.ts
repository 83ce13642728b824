import { describe, expect, it } from 'vitest';
import type { Program } from '../ast';
import { ProgramError } from '../errors';
import { detectLanguage } from '../language';
import { MAX_DEPTH } from '../limits';
import { printExpr } from '../print';
import { readPython } from './index';

function read(text: string): Program {
  const language = detectLanguage(text);
  return readPython(text, language === 'native' ? 'micrograd' : language);
}

/** Each statement as `name = expr`, with [display] and `param` marks. */
function lines(text: string): string[] {
  return read(text).statements.map((s) => `${s.param ? 'param ' : ''}${s.name}${s.display === undefined ? '' : `[${s.display}]`} = ${printExpr(s.expr)}`);
}

function errorOf(text: string): ProgramError {
  try {
    read(text);
  } catch (err) {
    if (err instanceof ProgramError) return err;
    throw err;
  }
  throw new Error(`no error for:\n${text}`);
}

describe('micrograd forms', () => {
  it('a Value is an input: Value(-4.0), Value(2.0, label=…), Value(data=…), ints and signs', () => {
    expect(lines("a = Value(-4.0)\nb = Value(2.0, label='b')\nc = Value(data=3, label=\"see\")\nd = Value(+.5)")).toEqual([
      'a = -4.0',
      'b[b] = 2.0',
      'c[see] = 3',
      'd = .5',
    ]);
    // a negative input is written as the native parser writes `a = -4.0`: the builder reads one number
    expect(read('a = Value(-4.0)').statements[0].expr).toMatchObject({ kind: 'unary', op: 'neg', arg: { kind: 'num', value: 4, pos: { line: 1, col: 12 } } });
    expect(read('a = Value(-4.0)').statements[0].namePos).toEqual({ line: 1, col: 1 });
  });

  it('operators with numbers mixed in, Python precedence: ** above unary minus, right-associative', () => {
    expect(lines('x = Value(2.0)\na = 2 * x + 2 + x\nb = 10.0 / x - x ** 2\nc = -x ** 2\nd = 2 ** -x ** 2\ne = 1 + (-x)')).toEqual([
      'x = 2.0',
      'a = 2 * x + 2 + x',
      'b = 10.0 / x - x ^ 2',
      'c = -x ^ 2',
      'd = 2 ^ -x ^ 2',
      'e = 1 + -x',
    ]);
    expect(printExpr(read('x = Value(2.0)\nc = -x ** 2').statements[1].expr)).toBe('-x ^ 2');
    expect(read('x = Value(2.0)\nc = -x ** 2').statements[1].expr).toMatchObject({ kind: 'unary', arg: { kind: 'binary', op: 'pow' } });
  });

  it('.relu() .tanh() .exp() are the functions, on names and on bracketed expressions', () => {
    expect(lines('z = Value(1.0)\nq = z.relu() + (z * z).tanh()\ne = (2*z).exp()')).toEqual(['z = 1.0', 'q = relu(z) + tanh(z * z)', 'e = exp(2 * z)']);
    // the position of a method call is its name's
    expect(read('z = Value(1.0)\nq = z.relu()').statements[1].expr.pos).toEqual({ line: 2, col: 7 });
  });

  it("x.label = 'x' sets the display of the statement that made x's value, also through another name", () => {
    expect(lines("a = Value(2.0)\nb = Value(3.0)\ne = a*b; e.label = 'e'\nk = e\nk.label = 'x1*w1'\nb.label = ''")).toEqual([
      'a = 2.0',
      'b = 3.0',
      'e[x1*w1] = a * b',
      'k = e',
    ]);
  });

  it('L.backward() names the output and counts the statements before it', () => {
    const p = read('x = Value(1.0)\ny = x * 2\ny.backward()\nz = y + 1');
    expect(p.output).toEqual({ name: 'y', pos: { line: 3, col: 1 }, after: 2 });
    expect(p.language).toBe('micrograd');
    expect(read('x = Value(1.0)\ny = x * 2').output).toBeUndefined();
  });
});

describe('PyTorch forms', () => {
  it('torch.tensor(…, requires_grad=True) is a parameter input; without it, data; dtype and .double() change nothing shown', () => {
    expect(
      lines(
        [
          'import torch',
          'a = torch.tensor(-4.0, requires_grad=True)',
          'b = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)',
          'c = torch.tensor(3.0).double()',
          'd = torch.Tensor([5.0]).double()',
          'd.requires_grad = True',
          'e = torch.tensor(1.0, dtype=torch.double).requires_grad_()',
        ].join('\n'),
      ),
    ).toEqual(['param a = -4.0', 'param b = 2.0', 'c = 3.0', 'param d = 5.0', 'param e = 1.0']);
    expect(read('import torch\na = torch.tensor(1.0)').language).toBe('pytorch');
  });

  it('torch functions and the matching methods, maximum and minimum, pow', () => {
    const fns = ['relu', 'tanh', 'sigmoid', 'exp', 'log', 'sin', 'cos', 'abs', 'sqrt'];
    const text = ['x = torch.tensor(0.5, requires_grad=True)', ...fns.map((f) => `${f}1 = torch.${f}(x)`), ...fns.map((f) => `${f}2 = x.${f}()`)].join('\n');
    expect(lines(text).slice(1)).toEqual([...fns.map((f) => `${f}1 = ${f}(x)`), ...fns.map((f) => `${f}2 = ${f}(x)`)]);
    expect(lines('x = torch.tensor(1.0)\ny = torch.tensor(2.0)\nm = torch.maximum(x, y) + torch.minimum(x, y) + torch.pow(x, 2) + x.pow(3)').pop()).toBe(
      'm = max(x, y) + min(x, y) + x ^ 2 + x ^ 3',
    );
    expect(lines('import torch.nn.functional as F\nx = torch.tensor(1.0)\ny = F.relu(x) + torch.nn.functional.sigmoid(x)').pop()).toBe('y = relu(x) + sigmoid(x)');
  });

  it('.retain_grad() is accepted and changes nothing; torch.as_tensor of a number is a constant, of a value the value', () => {
    expect(lines('x = torch.tensor(2.0, requires_grad=True)\nq = x * x\nq.retain_grad()\nf = torch.exp(torch.as_tensor(q, dtype=torch.float64)) + torch.as_tensor(1.5, dtype=torch.float64)')).toEqual([
      'param x = 2.0',
      'q = x * x',
      'f = exp(q) + 1.5',
    ]);
  });

  it('reads non-finite numbers written as float(…)', () => {
    const p = read("import torch\nx = torch.tensor(float('inf'), requires_grad=True)\ny = torch.tensor(float('-inf'))\nz = torch.tensor(float('nan'))");
    expect(p.statements.map((s) => (s.expr.kind === 'num' ? s.expr.value : s.expr.kind === 'unary' && s.expr.arg.kind === 'num' ? -s.expr.arg.value : null))).toEqual([
      Infinity,
      -Infinity,
      NaN,
    ]);
  });

  it('tensor code from literal tensors: lists, @, .sum(), .mean(), .T, softmax over the last axis', () => {
    expect(
      lines(
        [
          'X = torch.tensor([[1., 2.], [3., -4.]], requires_grad=True)',
          'w = torch.tensor([0.5, -1.0])',
          'Y = X @ X.T + X.t()',
          'S = torch.softmax(Y, dim=-1) * Y.softmax(dim=1) + torch.nn.functional.softmax(Y, -1)',
          'L = S.sum() + Y.mean() + torch.sum(Y, dim=0).sum() + Y.mean(1).sum() + (X @ w).sum() + torch.matmul(w, w)',
        ].join('\n'),
      ),
    ).toEqual([
      'param X = [[1., 2.], [3., -4.]]',
      'w = [0.5, -1.0]',
      'Y = X @ transpose(X) + transpose(X)',
      'S = softmax(Y) * softmax(Y) + softmax(Y)',
      'L = sum(S) + mean(Y) + sum(sum(Y, 0)) + sum(mean(Y, 1)) + sum(X @ w) + w @ w',
    ]);
    expect(errorOf('X = torch.tensor([[1., 2.]])\nS = torch.softmax(X, dim=0)')).toMatchObject({ code: 'pyDim', line: 2, col: 26 });
    expect(errorOf('X = torch.tensor([[1., 2.]])\nS = X.sum(dim=-1)')).toMatchObject({ code: 'pyDim', line: 2, col: 15 });
  });

  it("a one-element tensor is a number, as in the lecture's torch.Tensor([2.0])", () => {
    expect(lines('x = torch.Tensor([2.0]).double()\ny = torch.tensor([-1.5])')).toEqual(['x = 2.0', 'y = -1.5']);
  });
});

describe('both languages', () => {
  it('rebinding and += -= *= /= make a new version from the old one', () => {
    expect(lines('c = Value(1.0)\nc = c + 1\nc += c + 1\nc -= 2\nc *= c\nc /= 4')).toEqual([
      'c = 1.0',
      'c = c + 1',
      'c = c + (c + 1)',
      'c = c - 2',
      'c = c * c',
      'c = c / 4',
    ]);
    const aug = read('c = Value(1.0)\nc += c + 1').statements[1];
    expect(aug.namePos).toEqual({ line: 2, col: 1 });
    expect(aug.expr).toMatchObject({ kind: 'binary', op: 'add', pos: { line: 2, col: 3 }, left: { kind: 'name', name: 'c', pos: { line: 2, col: 1 } } });
  });

  it('imports, print(…), draw_dot(…), a bare name and .grad / .item() lines are skipped', () => {
    const text = [
      'import torch, math',
      'from micrograd.engine import Value',
      'from graphviz import Digraph',
      'x = Value(3.0)',
      "print(f'{x.grad:.4f}', x.data, x.grad.item() == 46.0)",
      'draw_dot(x)',
      'x',
      'x.grad',
      'x.data.item()',
      '"""a docstring"""',
      'y = x * 2; print(y)',
    ].join('\n');
    expect(lines(text)).toEqual(['x = 3.0', 'y = x * 2']);
  });

  it('unpacking assigns in order; chained assignment binds every name to one value', () => {
    expect(lines('x = Value(1.0)\ny = x * 2\nxmg, ymg = x, y\na = b = Value(2.0)')).toEqual(['x = 1.0', 'y = x * 2', 'xmg = x', 'ymg = y', 'a = 2.0', 'b = a']);
    // Python computes every right-hand value first: one line at a time would change this swap
    expect(errorOf('x = Value(1.0)\ny = Value(2.0)\nx, y = y, x')).toMatchObject({ code: 'pyUnpack', line: 3, col: 11 });
    expect(errorOf('x = Value(1.0)\na, b = x')).toMatchObject({ code: 'pyUnpack', line: 2, col: 8 });
  });

  it('a plain number assigned to a name is an input, as in the native language', () => {
    expect(lines('h = 0.001\nx = Value(2.0)\ny = x + h')).toEqual(['h = 0.001', 'x = 2.0', 'y = x + h']);
  });

  it('reads a whole block indented alike (pasted out of a function), with the Python columns', () => {
    const p = read('    x = Value(2.0)\n    y = x * 3\n');
    expect(p.statements.map((s) => [s.name, s.namePos])).toEqual([
      ['x', { line: 1, col: 5 }],
      ['y', { line: 2, col: 5 }],
    ]);
  });
});

describe('errors point into the Python and say what is supported', () => {
  const cases: [string, string, string, number, number, RegExp][] = [
    ['a for loop', 'x = Value(1.0)\nfor i in range(3):\n    x = x * 2', 'pyLoop', 2, 1, /'for' loop is not supported; Chainstep reads straight-line code/],
    ['a while loop', 'x = Value(1.0)\nwhile x.data < 3:\n  x = x + 1', 'pyLoop', 2, 1, /'while' loop/],
    ['def', 'def f(x):\n    return x * 2', 'pyDefinition', 1, 1, /'def' is not supported: Chainstep does not run functions/],
    ['class', 'class Value:\n  pass', 'pyDefinition', 1, 1, /'class' is not supported/],
    ['lambda', 'f = lambda x: x * 2', 'pyDefinition', 1, 5, /'lambda'/],
    ['a list comprehension', 'xs = [Value(x) for x in [1.0, 2.0]]', 'pyComprehension', 1, 16, /comprehension .* is not supported/],
    ['a generator in sum()', 'w = Value(1.0)\nact = sum((wi*xi for wi, xi in zip(w, x)), b)', 'pyComprehension', 2, 18, /comprehension/],
    ["micrograd.nn's MLP", 'from micrograd.nn import MLP\nmodel = MLP(2, [16, 16, 1])', 'pyNn', 2, 9, /micrograd\.nn's MLP is not supported/],
    ['a Neuron', 'n = Neuron(3)', 'pyNn', 1, 5, /Neuron is not supported/],
    ['a Value with no number', 'a = Value()', 'pyValueNumber', 1, 5, /Value needs a number, e\.g\. Value\(2\.0\)/],
    ['a Value of a name', 'a = Value(2.0)\nb = Value(a)', 'pyValueNumber', 2, 11, /Value takes a number, e\.g\. Value\(2\.0\), found 'a'/],
    ['a Value with a label by position', "a = Value(2.0, 'a')", 'pyValueArgs', 1, 16, /label='a'/],
    ['a label that is a number', 'a = Value(2.0, label=3)', 'pyLabelString', 1, 22, /a label is a plain string, e\.g\. label='a', found 3/],
    ['a label set to a name', 'a = Value(2.0)\nb = Value(1.0)\na.label = b', 'pyLabelString', 3, 11, /found 'b'/],
    ['an f-string label', "x = 1\na = Value(2.0, label=f'a{x}')", 'pyLabelString', 2, 22, /plain string/],
    ['an unknown function', 'x = Value(1.0)\ny = softplus(x)', 'pyUnknownName', 2, 5, /'softplus\(…\)' is not supported/],
    ['an unknown torch function', 'x = torch.tensor(1.0)\ny = torch.erf(x)', 'pyUnknownName', 2, 11, /'torch\.erf\(…\)'/],
    ['an unknown method', 'x = Value(1.0)\ny = x.gelu()', 'pyUnknownName', 2, 7, /'\.gelu\(\)' is not supported; the methods are \.relu\(\)/],
    ['setting .grad', 'x = Value(1.0)\nx.grad = 0.0', 'pyAttributeSet', 2, 3, /setting \.grad is not supported/],
    ['changing .data', 'x = Value(1.0)\nx.data += 0.01 * x.grad', 'pyAttributeSet', 2, 3, /changing \.data/],
    ['reading .data', 'x = Value(1.0)\ny = x.data * 2', 'pyReadAttribute', 2, 7, /reading \.data inside a computation/],
    ['floor division', 'x = Value(1.0)\ny = x // 2', 'pyOperator', 2, 7, /'\/\/' is not supported; the operators are \+ - \* \/ \*\*/],
    ['a comparison', 'x = Value(1.0)\ny = x > 2', 'pyOperator', 2, 7, /'>' is not supported/],
    ['an if', 'x = Value(1.0)\nif x:\n  y = x', 'pyKeyword', 2, 1, /'if' is not supported/],
    ['assert', 'x = Value(1.0)\nassert x.data == 1.0', 'pyKeyword', 2, 1, /'assert' is not supported/],
    ['indexing', 'x = Value(1.0)\ny = x[0]', 'pyIndex', 2, 6, /indexing/],
    ['an indented line', 'x = Value(1.0)\n  y = x * 2', 'pyIndent', 2, 3, /indented more than the first line/],
    ['an undefined name', 'x = Value(1.0)\ny = x * w', 'pyUndefinedName', 2, 9, /'w' is not defined above this line; define it first, e\.g\. w = Value\(1\.0\)/],
    ['backward of an undefined name', 'x = Value(1.0)\nL.backward()', 'pyUndefinedName', 2, 1, /'L' is not defined/],
    ['a label on an undefined name', "e.label = 'e'", 'pyUndefinedName', 1, 1, /'e' is not defined/],
    ['two backward passes', 'x = Value(1.0)\ny = x * 2\ny.backward()\ny.backward()', 'pyBackwardTwice', 4, 3, /already called at line 3/],
    ['backward with arguments', 'x = Value(1.0)\nx.backward(2.0)', 'argCount', 2, 12, /takes no arguments/],
    ['an unnamed Value in an expression', 'x = Value(1.0)\ny = x * Value(3.0)', 'pyInlineLeaf', 2, 9, /give this Value a name on a line of its own/],
    ['an unnamed tensor with a gradient', 'x = torch.tensor(1.0)\ny = x * torch.tensor(3.0, requires_grad=True)', 'pyInlineLeaf', 2, 15, /tensor a name/],
    ['torch.Tensor of a number', 'x = torch.Tensor(2.0)', 'pyTensorNumber', 1, 18, /uninitialised tensor .* torch\.Tensor\(\[2\.0\]\)/],
    ['an integer dtype', 'x = torch.tensor(2, dtype=torch.int64, requires_grad=True)', 'pyDtype', 1, 27, /float64/],
    ['an unknown keyword', 'x = torch.tensor(2.0, device="cuda")', 'unknownKeyword', 1, 23, /unknown keyword argument 'device'/],
    ['a bare expression', 'x = Value(1.0)\nx * 2', 'pyBareExpression', 2, 1, /without naming it/],
    ['a module as a value', 'import torch\ny = torch * 2', 'pyNotAValue', 2, 5, /'torch' is a module/],
    ['a list in arithmetic', 'x = Value(1.0)\ny = x * [1, 2]', 'pyList', 2, 9, /torch\.tensor\(\[…\]\)/],
    ['an unclosed call', 'x = Value(1.0\ny = 2', 'expectedCloseParen', 2, 1, /expected '\)' to close the '\(' at line 1, col 10/],
    ['a missing operand', 'x = Value(1.0)\ny = x *\nz = 1', 'expectedExpr', 2, 8, /expected an expression after '\*', found the end of the line/],
    ['an empty program', 'import torch\nprint("hello")', 'empty', 1, 1, /assigns nothing/],
  ];
  for (const [what, text, code, line, col, message] of cases) {
    it(`${what}: ${code} at line ${line}, col ${col}`, () => {
      const err = errorOf(text);
      expect({ code: err.code, line: err.line, col: err.col }).toEqual({ code, line, col });
      expect(err.message).toMatch(new RegExp(`^line ${line}, col ${col}: `));
      expect(err.detail).toMatch(message);
    });
  }

  it('deep nesting and long chains stop with tooDeep, not a stack overflow', () => {
    expect(errorOf(`x = Value(1.0)\ny = ${'('.repeat(5000)}x${')'.repeat(5000)}`).code).toBe('tooDeep');
    expect(errorOf(`x = Value(1.0)\ny = ${'-'.repeat(MAX_DEPTH + 5)}x`).code).toBe('tooDeep');
    expect(errorOf(`x = Value(1.0)\ny = x${'.relu()'.repeat(3000)}`).code).toBe('tooDeep');
    expect(errorOf(`x = Value(1.0)\ny = ${Array.from({ length: 3000 }, () => 'x').join(' + ')}`).code).toBe('tooDeep');
    expect(errorOf(`x = Value(1.0)\ny = ${'x ** '.repeat(3000)}2`).code).toBe('tooDeep');
  });
});
