// What each Python function, method and attribute the reader knows becomes in
// Chainstep's tree: one entry per name. Functions are keyed by their full
// dotted path after imports are resolved (`F.relu` → `torch.nn.functional.relu`).

/**
 * - `unary`: a §1 function of one value (`relu`, `tanh`, …).
 * - `binary`: a function of two values (`max`, `min`, `softmax_cross_entropy`) or an operator (`pow`, `matmul`).
 * - `reduce`: `sum` or `mean`, over everything or along `dim` (0 or 1).
 * - `transpose`, `softmax` (over the last axis): the tensor functions of §9.
 * - `identity`: changes nothing Chainstep shows (`.double()`, `torch.as_tensor(x)`).
 * - `leaf`: makes a value: `Value(2.0)`, `torch.tensor(2.0, requires_grad=True)`.
 * - `nn`: micrograd.nn's classes, which Chainstep does not run.
 */
export type PyMeaning =
  | { kind: 'unary'; fn: string }
  | { kind: 'binary'; fn: 'max' | 'min' | 'pow' | 'matmul' | 'softmax_cross_entropy' }
  | { kind: 'reduce'; fn: 'sum' | 'mean' }
  | { kind: 'transpose' }
  | { kind: 'softmax' }
  | { kind: 'identity' }
  | { kind: 'leaf'; constructor: 'Value' | 'tensor' | 'Tensor' | 'as_tensor' }
  | { kind: 'nn' };

/** The §1 functions of one value that micrograd's Value or a PyTorch tensor offers. */
const UNARY = ['relu', 'tanh', 'sigmoid', 'exp', 'log', 'sin', 'cos', 'abs', 'sqrt'] as const;

/** Functions, by dotted path. */
export const PY_FUNCTIONS: ReadonlyMap<string, PyMeaning> = new Map<string, PyMeaning>([
  ...UNARY.map((fn): [string, PyMeaning] => [`torch.${fn}`, { kind: 'unary', fn }]),
  ...(['relu', 'tanh', 'sigmoid'] as const).map((fn): [string, PyMeaning] => [`torch.nn.functional.${fn}`, { kind: 'unary', fn }]),
  ['torch.maximum', { kind: 'binary', fn: 'max' }],
  ['torch.minimum', { kind: 'binary', fn: 'min' }],
  ['torch.max', { kind: 'binary', fn: 'max' }],
  ['torch.min', { kind: 'binary', fn: 'min' }],
  ['torch.pow', { kind: 'binary', fn: 'pow' }],
  ['torch.matmul', { kind: 'binary', fn: 'matmul' }],
  ['torch.sum', { kind: 'reduce', fn: 'sum' }],
  ['torch.mean', { kind: 'reduce', fn: 'mean' }],
  ['torch.t', { kind: 'transpose' }],
  ['torch.softmax', { kind: 'softmax' }],
  ['torch.nn.functional.softmax', { kind: 'softmax' }],
  // with class probabilities as targets: softmax, then cross-entropy averaged over the rows (§9)
  ['torch.nn.functional.cross_entropy', { kind: 'binary', fn: 'softmax_cross_entropy' }],
  ['torch.tensor', { kind: 'leaf', constructor: 'tensor' }],
  ['torch.Tensor', { kind: 'leaf', constructor: 'Tensor' }],
  ['torch.as_tensor', { kind: 'leaf', constructor: 'as_tensor' }],
  ['micrograd.engine.Value', { kind: 'leaf', constructor: 'Value' }],
  ['micrograd.nn.MLP', { kind: 'nn' }],
  ['micrograd.nn.Layer', { kind: 'nn' }],
  ['micrograd.nn.Neuron', { kind: 'nn' }],
  ['micrograd.nn.Module', { kind: 'nn' }],
]);

/** Methods, by name: `x.relu()`, `x.sum(dim=0)`, `x.double()`. */
export const PY_METHODS: ReadonlyMap<string, PyMeaning> = new Map<string, PyMeaning>([
  ...UNARY.map((fn): [string, PyMeaning] => [fn, { kind: 'unary', fn }]),
  ['maximum', { kind: 'binary', fn: 'max' }],
  ['minimum', { kind: 'binary', fn: 'min' }],
  ['pow', { kind: 'binary', fn: 'pow' }],
  ['matmul', { kind: 'binary', fn: 'matmul' }],
  ['sum', { kind: 'reduce', fn: 'sum' }],
  ['mean', { kind: 'reduce', fn: 'mean' }],
  ['t', { kind: 'transpose' }],
  ['softmax', { kind: 'softmax' }],
  ['double', { kind: 'identity' }],
  ['float', { kind: 'identity' }],
  ['requires_grad_', { kind: 'identity' }],
]);

/**
 * Names that stand for modules and classes when the pasted code lacks its
 * import lines (a cell copied from the middle of a notebook). Import lines in
 * the program rebind them.
 */
export const DEFAULT_IMPORTS: ReadonlyMap<string, string> = new Map([
  ['torch', 'torch'],
  ['F', 'torch.nn.functional'],
  ['Value', 'micrograd.engine.Value'],
  ['MLP', 'micrograd.nn.MLP'],
  ['Layer', 'micrograd.nn.Layer'],
  ['Neuron', 'micrograd.nn.Neuron'],
]);

/** PyTorch's floating-point dtypes: Chainstep computes every one of them in float64. */
export const FLOAT_DTYPES = new Set(['torch.float64', 'torch.double', 'torch.float32', 'torch.float', 'torch.float16', 'torch.half', 'torch.bfloat16']);

/** Attributes a line may read only to print or show them (`x.grad`, `y.data.item()`). */
export const SHOWN_ATTRIBUTES = new Set(['data', 'grad', 'label', 'item', 'shape', 'requires_grad', '_op', '_prev']);

/** For messages: the methods a value has. */
export function methodNames(): string {
  return [...PY_METHODS.keys()].map((m) => `.${m}()`).join(' ');
}
