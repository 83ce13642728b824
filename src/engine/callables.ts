// What can be called by name in a program: argument counts and keywords.
// The parser checks calls against this table; the builder gives them meaning.
import { FUNCTIONS, OPS } from './ops';

export interface Callable {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly kwargs: readonly string[];
}

const fixed = (n: number): Callable => ({ minArgs: n, maxArgs: n, kwargs: [] });

/** Tensor functions and constructors (CONTRACTS §9). */
const TENSOR_CALLABLES: Readonly<Record<string, Callable>> = {
  sum: { minArgs: 1, maxArgs: 2, kwargs: [] },
  mean: { minArgs: 1, maxArgs: 2, kwargs: [] },
  transpose: fixed(1),
  softmax: fixed(1),
  softmax_cross_entropy: fixed(2),
  zeros: { minArgs: 1, maxArgs: 2, kwargs: [] },
  ones: { minArgs: 1, maxArgs: 2, kwargs: [] },
  eye: fixed(1),
  randn: { minArgs: 1, maxArgs: 2, kwargs: ['std', 'seed'] },
  uniform: { minArgs: 1, maxArgs: 2, kwargs: ['low', 'high', 'seed'] },
};

const TABLE: ReadonlyMap<string, Callable> = new Map([
  ...Object.entries(FUNCTIONS).map(([name, op]): [string, Callable] => [name, fixed(OPS[op].arity)]),
  ...Object.entries(TENSOR_CALLABLES),
]);

export function callable(name: string): Callable | undefined {
  return TABLE.get(name);
}

/** Every callable name, for error messages and completion. */
export function callableNames(): string[] {
  return [...TABLE.keys()];
}
