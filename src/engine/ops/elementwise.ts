// The ops on numbers: each entry holds its forward value, its local
// derivatives, how it is drawn and written in TeX, the plain words of its rule
// and its PyTorch spelling. On vectors and matrices they apply element by
// element, with broadcasting (tensor/broadcast.ts).
//
// `da(a, b, out)` and `db(a, b, out)` are ∂out/∂a and ∂out/∂b: the factors by
// which a gradient arriving at the op's output is multiplied before it is sent
// to each input. Unary ops ignore `b`; for a folded constant (`x ^ 2`) b is it.
import { texFactor, texNumber, texWhole } from '../numberText';
import type { ElementwiseOp, OpName, TexOperands, TorchSpelling } from './types';

const zero = (): number => 0;

const sigmoid = (a: number): number => (a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a)));

// The scalar rules of the ops that also have loops (ElementLoops): each loop calls these very functions.
const add = (a: number, b: number): number => a + b;
const one = (): number => 1;
const tanh = (a: number): number => Math.tanh(a);
const tanhLocal = (_a: number, _b: number, out: number): number => 1 - out * out;
const sigmoidLocal = (_a: number, _b: number, out: number): number => out * (1 - out);
const relu = (a: number): number => (a > 0 ? a : 0);
const reluLocal = (a: number): number => (a > 0 ? 1 : 0);

/** ∂(a^b)/∂b = a^b·ln a. For a = 0 the limit is 0 when b > 0; for a < 0 it is undefined. */
function powExponentDerivative(a: number, b: number, out: number): number {
  if (a > 0) return out * Math.log(a);
  if (a === 0 && b > 0) return 0;
  return NaN;
}

/** d/da of a^p for a constant p: `3 \cdot {x}^{2}`, `2 \cdot x`, `1`, `0`. */
function powerRuleTex(a: string, p: number): string {
  if (p === 0) return '0';
  if (p === 1) return '1';
  const power = p === 2 ? a : `{${a}}^{${texNumber(p - 1)}}`;
  return `${texFactor(p)} \\cdot ${power}`;
}

/** A Python float literal. */
export function pyNumber(x: number): string {
  if (Number.isNaN(x)) return "float('nan')";
  if (x === Infinity) return "float('inf')";
  if (x === -Infinity) return "float('-inf')";
  if (Object.is(x, -0)) return '-0.0'; // `${-0}` is "0": 1 / -0 is -inf, 1 / 0 is inf
  // 1e21 and up print with an exponent, which Python reads as a float already.
  const text = String(x);
  return Number.isInteger(x) && !text.includes('e') ? `${text}.0` : text;
}

const infix = (token: string, precedence: number): TorchSpelling => ({
  precedence,
  write: (arg) => `${arg(0, precedence)} ${token} ${arg(1, precedence + 1)}`,
});

/** `torch.f(x)`; a plain Python number is made a tensor first. */
const torchFn = (fn: string): TorchSpelling => ({
  precedence: 5,
  write: (arg) => `torch.${fn}(torch.as_tensor(${arg(0, 0)}, dtype=torch.float64))`,
});

type Spec = Omit<ElementwiseOp, 'kind' | 'name' | 'db' | 'texForm' | 'precedence' | 'torch'> &
  Partial<Pick<ElementwiseOp, 'db' | 'texForm' | 'precedence' | 'torch'>>;

function op(name: OpName, spec: Spec): ElementwiseOp {
  return {
    kind: 'elementwise',
    name,
    ...((spec.texForm ?? 'function') === 'function' ? { call: name } : {}),
    db: zero,
    texForm: 'function',
    precedence: 5,
    torch: torchFn(name),
    ...spec,
  };
}

/**
 * A one-argument function written `f(a)` in TeX: its derivative is in terms of
 * the plain operand, kept whole, so that a narrow panel breaks the line at its
 * `=` and not at a `+` inside the function's parentheses.
 */
function unary(name: OpName, spec: Omit<Spec, 'arity' | 'derivativeTex'> & { derivative: (a: string, atom: string) => string }): ElementwiseOp {
  const { derivative, ...rest } = spec;
  return op(name, { arity: 1, ...rest, derivativeTex: (o: TexOperands) => derivative(texWhole(o.plain[0]), o.atoms[0]) });
}

export const ELEMENTWISE_OPS = [
  op('add', {
    arity: 2,
    verb: 'add',
    symbol: '+',
    texForm: 'infix',
    precedence: 1,
    tex: ([a, b]) => `${a} + ${b}`,
    forward: add,
    da: one,
    db: one,
    loops: {
      forward: (a, ia, b, ib, out) => {
        for (let i = 0; i < out.length; i++) out[i] = add(a[ia ? ia[i] : i], b[ib ? ib[i] : i]);
      },
      local: (_slot, _a, _ia, _b, _ib, _out, local) => {
        for (let i = 0; i < local.length; i++) local[i] = one();
      },
    },
    derivativeTex: () => '1',
    ruleTex: ['\\frac{\\partial o}{\\partial a} = 1', '\\frac{\\partial o}{\\partial b} = 1'],
    rule: 'distributes',
    torch: infix('+', 1),
  }),
  op('sub', {
    arity: 2,
    verb: 'subtract',
    symbol: '−',
    texForm: 'infix',
    precedence: 1,
    tex: ([a, b]) => `${a} - ${b}`,
    forward: (a, b) => a - b,
    da: () => 1,
    db: () => -1,
    derivativeTex: (_o, slot) => (slot === 0 ? '1' : '-1'),
    ruleTex: ['\\frac{\\partial o}{\\partial a} = 1', '\\frac{\\partial o}{\\partial b} = -1'],
    rule: 'distributesNegated',
    torch: infix('-', 1),
  }),
  op('mul', {
    arity: 2,
    verb: 'multiply',
    symbol: '×',
    texForm: 'infix',
    precedence: 2,
    tex: ([a, b]) => `${a} \\cdot ${b}`,
    forward: (a, b) => a * b,
    da: (_a, b) => b,
    db: (a) => a,
    // Multiply swaps: each input gets the other one.
    derivativeTex: (o, slot) => (slot === 0 ? o.atoms[1] : o.atoms[0]),
    ruleTex: ['\\frac{\\partial o}{\\partial a} = b', '\\frac{\\partial o}{\\partial b} = a'],
    rule: 'swaps',
    torch: infix('*', 2),
  }),
  op('div', {
    arity: 2,
    verb: 'divide',
    symbol: '÷',
    texForm: 'frac',
    precedence: 3,
    tex: ([a, b]) => `\\frac{${a}}{${b}}`,
    forward: (a, b) => a / b,
    da: (_a, b) => 1 / b,
    db: (a, b) => -a / (b * b),
    // Inside \frac the bar groups: no brackets around the numerator or a lone denominator.
    derivativeTex: (o, slot) => (slot === 0 ? `\\frac{1}{${o.plain[1]}}` : `-\\frac{${o.plain[0]}}{{${o.atoms[1]}}^{2}}`),
    ruleTex: ['\\frac{\\partial o}{\\partial a} = \\frac{1}{b}', '\\frac{\\partial o}{\\partial b} = -\\frac{a}{b^{2}}'],
    rule: 'quotient',
    torch: infix('/', 2),
  }),
  op('neg', {
    arity: 1,
    symbol: '−x',
    texForm: 'prefix',
    precedence: 2,
    tex: ([a]) => `-${a}`,
    forward: (a) => -a,
    da: () => -1,
    derivativeTex: () => '-1',
    ruleTex: ['\\frac{\\partial o}{\\partial a} = -1'],
    rule: 'negates',
    torch: { precedence: 3, write: (arg) => `-${arg(0, 3)}` },
  }),
  op('pow', {
    arity: 2,
    symbol: 'xʸ',
    texForm: 'power',
    precedence: 4,
    tex: ([a, b], p) => `{${a}}^{${b ?? p}}`,
    forward: (a, b) => Math.pow(a, b),
    da: (a, b) => (b === 0 ? 0 : b * Math.pow(a, b - 1)),
    db: powExponentDerivative,
    derivativeTex: (o, slot) => {
      const [a, b] = o.atoms;
      if (o.param !== null) return powerRuleTex(a, o.param);
      return slot === 0 ? `${b} \\cdot {${a}}^{${b} - 1}` : `{${a}}^{${b}} \\ln ${a}`;
    },
    ruleTex: ['\\frac{\\partial o}{\\partial a} = b\\,a^{b-1}', '\\frac{\\partial o}{\\partial b} = a^{b}\\ln a'],
    rule: 'power',
    torch: { precedence: 4, write: (arg, param) => `${arg(0, 5)} ** ${param === null ? arg(1, 3) : pyNumber(param)}` },
  }),
  unary('exp', {
    symbol: 'exp',
    tex: ([a]) => `e^{${a}}`,
    forward: (a) => Math.exp(a),
    da: (_a, _b, out) => out,
    derivative: (_a, atom) => `e^{${atom}}`,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = e^{a} = o'],
    rule: 'scalesByOutput',
  }),
  unary('log', {
    symbol: 'ln',
    tex: ([a]) => `\\ln(${a})`,
    forward: (a) => Math.log(a),
    da: (a) => 1 / a,
    derivative: (a) => `\\frac{1}{${a}}`,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = \\frac{1}{a}'],
    rule: 'reciprocal',
  }),
  unary('sqrt', {
    symbol: '√',
    tex: ([a]) => `\\sqrt{${a}}`,
    forward: (a) => Math.sqrt(a),
    da: (_a, _b, out) => 0.5 / out,
    derivative: (a) => `\\frac{1}{2\\sqrt{${a}}}`,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = \\frac{1}{2\\sqrt{a}}'],
    rule: 'halfReciprocalRoot',
  }),
  unary('tanh', {
    symbol: 'tanh',
    tex: ([a]) => `\\tanh(${a})`,
    forward: tanh,
    da: tanhLocal,
    loops: {
      forward: (a, _ia, _b, _ib, out) => {
        for (let i = 0; i < out.length; i++) out[i] = tanh(a[i]);
      },
      local: (_slot, a, _ia, b, _ib, out, local) => {
        for (let i = 0; i < local.length; i++) local[i] = tanhLocal(a[i], b[0], out[i]);
      },
    },
    derivative: (a) => `1 - \\tanh^{2}(${a})`,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = 1 - o^{2}'],
    rule: 'tanh',
  }),
  unary('sigmoid', {
    symbol: 'σ',
    tex: ([a]) => `\\sigma(${a})`,
    forward: sigmoid,
    da: sigmoidLocal,
    loops: {
      forward: (a, _ia, _b, _ib, out) => {
        for (let i = 0; i < out.length; i++) out[i] = sigmoid(a[i]);
      },
      local: (_slot, a, _ia, b, _ib, out, local) => {
        for (let i = 0; i < local.length; i++) local[i] = sigmoidLocal(a[i], b[0], out[i]);
      },
    },
    derivative: (a) => `\\sigma(${a})\\,(1 - \\sigma(${a}))`,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = o\\,(1 - o)'],
    rule: 'sigmoid',
  }),
  unary('relu', {
    symbol: 'ReLU',
    tex: ([a]) => `\\mathrm{ReLU}(${a})`,
    forward: relu,
    da: reluLocal,
    loops: {
      forward: (a, _ia, _b, _ib, out) => {
        for (let i = 0; i < out.length; i++) out[i] = relu(a[i]);
      },
      local: (_slot, a, _ia, _b, _ib, _out, local) => {
        for (let i = 0; i < local.length; i++) local[i] = reluLocal(a[i]);
      },
    },
    derivative: (_a, atom) => `[${atom} > 0]`,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = \\begin{cases} 1 & a > 0 \\\\ 0 & a \\le 0 \\end{cases}'],
    rule: 'gates',
  }),
  unary('sin', {
    symbol: 'sin',
    tex: ([a]) => `\\sin(${a})`,
    forward: (a) => Math.sin(a),
    da: (a) => Math.cos(a),
    derivative: (a) => `\\cos(${a})`,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = \\cos a'],
    rule: 'sin',
  }),
  unary('cos', {
    symbol: 'cos',
    tex: ([a]) => `\\cos(${a})`,
    forward: (a) => Math.cos(a),
    da: (a) => -Math.sin(a),
    derivative: (a) => `-\\sin(${a})`,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = -\\sin a'],
    rule: 'cos',
  }),
  unary('abs', {
    symbol: '|x|',
    tex: ([a]) => `\\left|${a}\\right|`,
    forward: (a) => Math.abs(a),
    da: (a) => (a > 0 ? 1 : a < 0 ? -1 : 0),
    derivative: (a) => `\\operatorname{sign}(${a})`,
    ruleTex: ['\\frac{\\partial o}{\\partial a} = \\operatorname{sign}(a)'],
    rule: 'sign',
  }),
  // max/min route the whole gradient to the chosen input; on a tie, to the first.
  op('max', {
    arity: 2,
    verb: 'compare',
    symbol: 'max',
    tex: ([a, b]) => `\\max(${a}, ${b})`,
    forward: (a, b) => (a >= b ? a : b),
    da: (a, b) => (a >= b ? 1 : 0),
    db: (a, b) => (a >= b ? 0 : 1),
    derivativeTex: (o, slot) => (slot === 0 ? `[${o.atoms[0]} \\ge ${o.atoms[1]}]` : `[${o.atoms[1]} > ${o.atoms[0]}]`),
    ruleTex: ['\\frac{\\partial o}{\\partial a} = [a \\ge b]', '\\frac{\\partial o}{\\partial b} = [b > a]'],
    rule: 'routes',
    // torch.maximum splits a tie evenly; Chainstep (like max in most engines) sends it all to the first input.
    torch: { precedence: 5, write: (arg) => `torch.maximum(torch.as_tensor(${arg(0, 0)}, dtype=torch.float64), torch.as_tensor(${arg(1, 0)}, dtype=torch.float64))` },
  }),
  op('min', {
    arity: 2,
    verb: 'compare',
    symbol: 'min',
    tex: ([a, b]) => `\\min(${a}, ${b})`,
    forward: (a, b) => (a <= b ? a : b),
    da: (a, b) => (a <= b ? 1 : 0),
    db: (a, b) => (a <= b ? 0 : 1),
    derivativeTex: (o, slot) => (slot === 0 ? `[${o.atoms[0]} \\le ${o.atoms[1]}]` : `[${o.atoms[1]} < ${o.atoms[0]}]`),
    ruleTex: ['\\frac{\\partial o}{\\partial a} = [a \\le b]', '\\frac{\\partial o}{\\partial b} = [b < a]'],
    rule: 'routes',
    torch: { precedence: 5, write: (arg) => `torch.minimum(torch.as_tensor(${arg(0, 0)}, dtype=torch.float64), torch.as_tensor(${arg(1, 0)}, dtype=torch.float64))` },
  }),
] as const satisfies readonly ElementwiseOp[];
