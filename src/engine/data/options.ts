// Keyword options with defaults and allowed ranges, shared by the data sets
// (`moons(n=200, noise=0.1)`) and the optimizers (`adam(beta1=0.9)`): one
// table per owner drives validation, defaults and the documentation.
import type { Problem } from './problem';

export interface NumberOption {
  readonly name: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  /** The upper bound itself is not allowed (momentum < 1). */
  readonly maxExclusive?: boolean;
  /** The lower bound itself is not allowed (a learning rate > 0). */
  readonly minExclusive?: boolean;
  readonly integer?: boolean;
  /** One line of English for the README and help texts. */
  readonly doc: string;
}

export type OptionValues = Readonly<Record<string, number>>;

/** The allowed range in notation every reader shares: `10 ≤ n ≤ 20000`, `0 ≤ momentum < 1`. */
export function rangeText(spec: NumberOption): string {
  const lo = spec.minExclusive ? '<' : '≤';
  const hi = spec.maxExclusive ? '<' : '≤';
  return `${spec.min} ${lo} ${spec.name} ${hi} ${spec.max}`;
}

function inRange(spec: NumberOption, v: number): boolean {
  const aboveMin = spec.minExclusive ? v > spec.min : v >= spec.min;
  const belowMax = spec.maxExclusive ? v < spec.max : v <= spec.max;
  return aboveMin && belowMax; // false for NaN
}

/** The first problem with `given` for `owner`'s options, or null. */
export function optionProblem(owner: string, specs: readonly NumberOption[], given: OptionValues): Problem | null {
  for (const [name, value] of Object.entries(given)) {
    const spec = specs.find((s) => s.name === name);
    if (!spec) {
      const list = specs.length ? specs.map((s) => s.name).join(', ') : 'none';
      return {
        key: 'option.unknown',
        params: { owner, option: name, list },
        detail: `'${owner}' has no option '${name}'; it takes ${list}`,
        option: name,
      };
    }
    if (spec.integer && Number.isFinite(value) && !Number.isInteger(value)) {
      return {
        key: 'option.integer',
        params: { owner, option: name, value },
        detail: `${name} of '${owner}' must be a whole number, found ${value}`,
        option: name,
      };
    }
    if (!inRange(spec, value)) {
      const range = rangeText(spec);
      return {
        key: 'option.range',
        params: { owner, option: name, value: String(value), range },
        detail: `${name} = ${value} is out of range for '${owner}': ${range}`,
        option: name,
      };
    }
  }
  return null;
}

/** `given` with every missing option set to its default (checked first: throws on a problem). */
export function resolveOptions(owner: string, specs: readonly NumberOption[], given: OptionValues = {}): Record<string, number> {
  const problem = optionProblem(owner, specs, given);
  if (problem) throw new RangeError(problem.detail);
  const out: Record<string, number> = {};
  for (const spec of specs) out[spec.name] = given[spec.name] ?? spec.default;
  return out;
}
