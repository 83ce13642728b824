// What can be called by name in a program: argument counts and keywords.
// Ops called by name come from the op registry; constructors of tensor inputs
// (CONTRACTS §9) are listed here. The parser checks calls against this table.
import { OPS } from './ops';

export interface Callable {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly kwargs: readonly string[];
}

/** Constructors: `zeros(r, c)`, `randn(r, c, std=1, seed=0)`; one size gives a vector. */
export const CONSTRUCTORS: Readonly<Record<string, Callable>> = {
  zeros: { minArgs: 1, maxArgs: 2, kwargs: [] },
  ones: { minArgs: 1, maxArgs: 2, kwargs: [] },
  eye: { minArgs: 1, maxArgs: 1, kwargs: [] },
  randn: { minArgs: 1, maxArgs: 2, kwargs: ['std', 'seed'] },
  uniform: { minArgs: 1, maxArgs: 2, kwargs: ['low', 'high', 'seed'] },
};

const TABLE: ReadonlyMap<string, Callable> = new Map([
  ...Object.values(OPS).flatMap((entry): [string, Callable][] =>
    entry.call ? [[entry.call, { minArgs: entry.arity, maxArgs: entry.arity + (entry.axisArgument ? 1 : 0), kwargs: [] }]] : [],
  ),
  ...Object.entries(CONSTRUCTORS),
]);

export function callable(name: string): Callable | undefined {
  return TABLE.get(name);
}

/** Every callable name, for error messages and completion. */
export function callableNames(): string[] {
  return [...TABLE.keys()];
}
