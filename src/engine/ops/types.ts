// What an op is: one entry holds its forward value, its local derivatives (or
// vector-Jacobian product), how it is drawn and written in TeX, the plain-words
// name of its rule and its PyTorch spelling. Everything else is derived.
import type { ShapeProblem } from '../tensor/shapeProblem';
import type { Shape, Tensor } from '../tensor/tensor';

/** An output shape, or why the input shapes do not fit. */
export type ShapeResult = Shape | { error: ShapeProblem };

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
  | 'min'
  | 'matmul'
  | 'sum'
  | 'mean'
  | 'transpose'
  | 'softmax'
  | 'softmax_cross_entropy';

/** How a gradient is handed on, in plain words; the i18n catalogue has the text (`rule.<kind>`). */
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
  | 'routes' // max/min: all of it to the chosen input
  | 'matmul' // each input receives the gradient times the other input, transposed
  | 'sums' // sum: every element receives the gradient, copied along the summed axis
  | 'averages' // mean: every element receives the gradient divided by the count
  | 'transposes'
  | 'softmax'
  | 'softmaxCrossEntropy'; // the scores receive (p − t) / rows

/** How an op's TeX groups its operands, which decides where brackets go. */
export type TexForm = 'leaf' | 'infix' | 'prefix' | 'frac' | 'power' | 'function';

/** Operand TeX as the formulas hand it to an entry. */
export interface TexOperands {
  /** Operands bracketed for use as factors: `x`, `(x + y)`, `(-3)`; a folded constant last. */
  readonly atoms: readonly string[];
  /** Operands without brackets (inside \frac, a root or function brackets). */
  readonly plain: readonly string[];
  /** The folded constant (the exponent of `x ^ 2`, the axis of `sum(A, 0)`), or null. */
  readonly param: number | null;
  /** The inputs' shapes ([] for numbers). */
  readonly shapes: readonly Shape[];
}

/** PyTorch spelling: `write(arg)` where `arg(slot, min)` is operand `slot` bracketed below precedence `min`. */
export interface TorchSpelling {
  /** Precedence of the written expression: 1 `+ -`, 2 `* / @`, 3 unary minus, 4 `**`, 5 atom. */
  readonly precedence: number;
  readonly write: (arg: (slot: number, min: number) => string, param: number | null) => string;
}

interface OpBase {
  readonly name: OpName;
  /** How many inputs the node has (a folded constant is not one). */
  readonly arity: 0 | 1 | 2;
  /** What the node shows: `+`, `×`, `tanh`, `@`. */
  readonly symbol: string;
  /** The function name that calls it in a program (`tanh(x)`), if it is called by name. */
  readonly call?: string;
  /** Whether the call takes an optional axis after its inputs (`sum(A, 0)`), folded into the node. */
  readonly axisArgument?: boolean;
  /** How the op groups in TeX, and its precedence there (1 sums … 5 atoms and functions). */
  readonly texForm: TexForm;
  readonly precedence: number;
  /** TeX of the expression from its operands' TeX (bracketed already) and the folded constant's. */
  readonly tex: (args: readonly string[], param: string) => string;
  /** The local rule in general form, in terms of inputs `a`, `b` and output `o`; one line per input. */
  readonly ruleTex: readonly string[];
  readonly rule: RuleKind;
  readonly torch: TorchSpelling;
}

export interface LeafOp extends OpBase {
  readonly kind: 'leaf';
}

/** An op on numbers, applied element by element to tensors with broadcasting. */
export interface ElementwiseOp extends OpBase {
  readonly kind: 'elementwise';
  /** The value at inputs a, b (b is the folded constant, or 0 for unary ops). */
  readonly forward: (a: number, b: number) => number;
  /** ∂out/∂a and ∂out/∂b at inputs a, b and output out. */
  readonly da: (a: number, b: number, out: number) => number;
  readonly db: (a: number, b: number, out: number) => number;
  /** ∂out/∂(input `slot`) in TeX, in terms of the operands. */
  readonly derivativeTex: (operands: TexOperands, slot: number) => string;
  /** For shape errors of two-input ops: `add`, `multiply` (“cannot add a … and a …”). */
  readonly verb?: string;
  /** `forward` and `da`/`db` over whole arrays, for the ops training runs most. */
  readonly loops?: ElementLoops;
}

/**
 * An elementwise op over whole arrays, each loop written out for its op so the
 * JIT inlines the op's own `forward` and `da`/`db` there: through the op table
 * every element costs a call and a boxed number, about 8× the loop on a 64×128
 * batch. Same calls, same arguments, same bits. Element i reads a[ia[i]] and
 * b[ib[i]] (an index null: element i); a unary op's b holds its folded constant
 * at b[0].
 */
export interface ElementLoops {
  /** out[i] = forward(a, b) at element i. */
  readonly forward: (a: Float64Array, ia: Int32Array | null, b: Float64Array, ib: Int32Array | null, out: Float64Array) => void;
  /** local[i] = ∂out/∂(input `slot`) at element i, with out[i] the forward value there. */
  readonly local: (slot: number, a: Float64Array, ia: Int32Array | null, b: Float64Array, ib: Int32Array | null, out: Float64Array, local: Float64Array) => void;
}

/** An op on whole vectors and matrices, with its own shape rule and vector-Jacobian product. */
export interface TensorOp extends OpBase {
  readonly kind: 'tensor';
  /** The output shape, or a sentence saying why these shapes do not fit (the builder adds the position). */
  readonly shape: (inputs: readonly Shape[], param: number | null) => ShapeResult;
  readonly forward: (inputs: readonly Tensor[], param: number | null) => Tensor;
  /** ∂L/∂(input `slot`) from g = ∂L/∂out: the vector-Jacobian product. */
  readonly vjp: (inputs: readonly Tensor[], out: Tensor, g: Tensor, slot: number, param: number | null) => Tensor;
  /**
   * One column of the Jacobian: for input element `element` of input `slot`, every output element k
   * with ∂out_k/∂input_element ≠ 0, and that derivative. It is what one entry of a gradient sums
   * over: ∂L/∂input_element = Σ_k ∂L/∂out_k · ∂out_k/∂input_element.
   */
  readonly column: (inputs: readonly Tensor[], out: Tensor, slot: number, element: number, param: number | null) => JacobianTerm[];
  /** The backward rule in matrix form: the right-hand side of ∂L/∂(input) given `g` = ∂L/∂out in TeX. */
  readonly vjpTex: (operands: TexOperands, slot: number, g: string, out: string) => string;
  /** Multiply-adds of the forward pass, for the work limit. */
  readonly cost: (inputs: readonly Shape[]) => number;
}

export type OpEntry = LeafOp | ElementwiseOp | TensorOp;

/** ∂out_k/∂(one input element): the output element (row-major index) and the derivative. */
export interface JacobianTerm {
  readonly k: number;
  readonly factor: number;
  /** When the derivative is an element of one of the op's inputs (matmul, multiply swap): which one. */
  readonly operand?: { readonly slot: number; readonly element: number };
}
