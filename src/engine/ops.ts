// The op table: each op's forward value, its local derivatives and how the
// rule is named and written, side by side (one entry per op).
//
// `da(a, b, out)` and `db(a, b, out)` are ∂out/∂a and ∂out/∂b: the factors
// by which a gradient arriving at the op's output is multiplied before it is
// sent to each input. Unary ops ignore `b`.

export type OpName =
  | 'input'
  | 'const'
  | 'add'
  | 'mul'
  | 'sub'
  | 'div'
  | 'neg'
  | 'pow'
  | 'exp'
  | 'log'
  | 'sqrt'
  | 'tanh'
  | 'sigmoid'
  | 'relu'
  | 'sin'
  | 'cos'
  | 'abs'
  | 'max'
  | 'min';

/** How a gradient is handed on, in plain words; the i18n catalogue has the text. */
export type RuleKind =
  | 'leaf'
  | 'distributes' // add: each input receives the gradient unchanged
  | 'swaps' // mul: each input receives the gradient times the other input
  | 'distributesNegated' // sub: the second input receives it negated
  | 'quotient'
  | 'negates'
  | 'power'
  | 'scalesByOutput' // exp: times its own output
  | 'reciprocal' // log: times 1/a
  | 'halfReciprocalRoot'
  | 'tanh'
  | 'sigmoid'
  | 'gates' // relu: passes where the input was positive, blocks elsewhere
  | 'sin'
  | 'cos'
  | 'sign' // abs: times the sign of the input
  | 'routes'; // max/min: all of it to the chosen input

export type Derivative = (a: number, b: number, out: number) => number;

const zero: Derivative = () => 0;

export interface OpSpec {
  readonly name: OpName;
  readonly arity: 0 | 1 | 2;
  /** Symbol used when printing programs (`+`), or the function name (`exp`). */
  readonly symbol: string;
  readonly forward: (a: number, b: number) => number;
  /** ∂out/∂a and ∂out/∂b at inputs a, b and output out (unary ops ignore b). */
  readonly da: Derivative;
  readonly db: Derivative;
  /**
   * TeX of the local rule, in terms of the op's inputs `a`, `b` and output
   * `o`: one line per input, `\partial o/\partial a = ...`.
   */
  readonly ruleTex: readonly string[];
  readonly rule: RuleKind;
}

const sigmoid = (a: number): number => (a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a)));

/** ∂(a^b)/∂b = a^b·ln a. For a = 0 the limit is 0 when b > 0; for a < 0 it is undefined. */
function powExponentDerivative(a: number, b: number, out: number): number {
  if (a > 0) return out * Math.log(a);
  if (a === 0 && b > 0) return 0;
  return NaN;
}

const leaf = (name: OpName): OpSpec => ({
  name,
  arity: 0,
  symbol: '',
  forward: (a) => a,
  da: zero,
  db: zero,
  ruleTex: [],
  rule: 'leaf',
});

export const OPS: Readonly<Record<OpName, OpSpec>> = {
  input: leaf('input'),
  const: leaf('const'),
  add: {
    name: 'add',
    arity: 2,
    symbol: '+',
    forward: (a, b) => a + b,
    da: () => 1,
    db: () => 1,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = 1', '\\frac{\\partial o}{\\partial b} = 1'],
    rule: 'distributes',
  },
  sub: {
    name: 'sub',
    arity: 2,
    symbol: '-',
    forward: (a, b) => a - b,
    da: () => 1,
    db: () => -1,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = 1', '\\frac{\\partial o}{\\partial b} = -1'],
    rule: 'distributesNegated',
  },
  mul: {
    name: 'mul',
    arity: 2,
    symbol: '*',
    forward: (a, b) => a * b,
    da: (_a, b) => b,
    db: (a) => a,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = b', '\\frac{\\partial o}{\\partial b} = a'],
    rule: 'swaps',
  },
  div: {
    name: 'div',
    arity: 2,
    symbol: '/',
    forward: (a, b) => a / b,
    da: (_a, b) => 1 / b,
    db: (a, b) => -a / (b * b),
    ruleTex: ['\\frac{\\partial o}{\\partial a} = \\frac{1}{b}', '\\frac{\\partial o}{\\partial b} = -\\frac{a}{b^{2}}'],
    rule: 'quotient',
  },
  neg: {
    name: 'neg',
    arity: 1,
    symbol: '-',
    forward: (a) => -a,
    da: () => -1,
    db: zero,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = -1'],
    rule: 'negates',
  },
  pow: {
    name: 'pow',
    arity: 2,
    symbol: '^',
    forward: (a, b) => Math.pow(a, b),
    da: (a, b) => (b === 0 ? 0 : b * Math.pow(a, b - 1)),
    db: powExponentDerivative,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = b\\,a^{b-1}', '\\frac{\\partial o}{\\partial b} = a^{b}\\ln a'],
    rule: 'power',
  },
  exp: {
    name: 'exp',
    arity: 1,
    symbol: 'exp',
    forward: (a) => Math.exp(a),
    da: (_a, _b, out) => out,
    db: zero,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = e^{a} = o'],
    rule: 'scalesByOutput',
  },
  log: {
    name: 'log',
    arity: 1,
    symbol: 'log',
    forward: (a) => Math.log(a),
    da: (a) => 1 / a,
    db: zero,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = \\frac{1}{a}'],
    rule: 'reciprocal',
  },
  sqrt: {
    name: 'sqrt',
    arity: 1,
    symbol: 'sqrt',
    forward: (a) => Math.sqrt(a),
    da: (_a, _b, out) => 0.5 / out,
    db: zero,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = \\frac{1}{2\\sqrt{a}}'],
    rule: 'halfReciprocalRoot',
  },
  tanh: {
    name: 'tanh',
    arity: 1,
    symbol: 'tanh',
    forward: (a) => Math.tanh(a),
    da: (_a, _b, out) => 1 - out * out,
    db: zero,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = 1 - o^{2}'],
    rule: 'tanh',
  },
  sigmoid: {
    name: 'sigmoid',
    arity: 1,
    symbol: 'sigmoid',
    forward: sigmoid,
    da: (_a, _b, out) => out * (1 - out),
    db: zero,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = o\\,(1 - o)'],
    rule: 'sigmoid',
  },
  relu: {
    name: 'relu',
    arity: 1,
    symbol: 'relu',
    forward: (a) => (a > 0 ? a : 0),
    da: (a) => (a > 0 ? 1 : 0),
    db: zero,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = \\begin{cases} 1 & a > 0 \\\\ 0 & a \\le 0 \\end{cases}'],
    rule: 'gates',
  },
  sin: {
    name: 'sin',
    arity: 1,
    symbol: 'sin',
    forward: (a) => Math.sin(a),
    da: (a) => Math.cos(a),
    db: zero,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = \\cos a'],
    rule: 'sin',
  },
  cos: {
    name: 'cos',
    arity: 1,
    symbol: 'cos',
    forward: (a) => Math.cos(a),
    da: (a) => -Math.sin(a),
    db: zero,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = -\\sin a'],
    rule: 'cos',
  },
  abs: {
    name: 'abs',
    arity: 1,
    symbol: 'abs',
    forward: (a) => Math.abs(a),
    da: (a) => (a > 0 ? 1 : a < 0 ? -1 : 0),
    db: zero,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = \\operatorname{sign}(a)'],
    rule: 'sign',
  },
  // max/min route the whole gradient to the chosen input; on a tie, to the first.
  max: {
    name: 'max',
    arity: 2,
    symbol: 'max',
    forward: (a, b) => (a >= b ? a : b),
    da: (a, b) => (a >= b ? 1 : 0),
    db: (a, b) => (a >= b ? 0 : 1),
    ruleTex: [
      '\\frac{\\partial o}{\\partial a} = [a \\ge b]',
      '\\frac{\\partial o}{\\partial b} = [b > a]',
    ],
    rule: 'routes',
  },
  min: {
    name: 'min',
    arity: 2,
    symbol: 'min',
    forward: (a, b) => (a <= b ? a : b),
    da: (a, b) => (a <= b ? 1 : 0),
    db: (a, b) => (a <= b ? 0 : 1),
    ruleTex: [
      '\\frac{\\partial o}{\\partial a} = [a \\le b]',
      '\\frac{\\partial o}{\\partial b} = [b < a]',
    ],
    rule: 'routes',
  },
};

/** Functions callable by name in a program, with their argument counts. */
export const FUNCTIONS: Readonly<Record<string, OpName>> = {
  exp: 'exp',
  log: 'log',
  sqrt: 'sqrt',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  relu: 'relu',
  sin: 'sin',
  cos: 'cos',
  abs: 'abs',
  max: 'max',
  min: 'min',
};

export const ALL_OPS = Object.keys(OPS) as OpName[];
