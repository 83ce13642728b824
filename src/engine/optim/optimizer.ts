// An optimizer object: hyperparameters, per-parameter state keyed by name, and
// step(params, grads) updating the parameters in place, as torch.optim does.
import { optionProblem, resolveOptions, type OptionValues } from '../data/options';
import type { Problem } from '../data/problem';
import { isOptimizerKind, OPTIMIZER_KINDS, OPTIMIZERS, optimizerOptions } from './registry';
import type { Hyper, OptimizerKind, OptimizerRule, UpdateRecord } from './types';

export interface OptimizerSettings {
  readonly kind: OptimizerKind;
  /** lr and the optimizer's own options (momentum; beta1, beta2, eps); missing ones take torch's defaults. */
  readonly options?: OptionValues;
}

/** What is wrong with these settings, or null. */
export function optimizerProblem(kind: string, options: OptionValues = {}): Problem | null {
  if (!isOptimizerKind(kind)) {
    const list = OPTIMIZER_KINDS.join(', ');
    return { key: 'optim.unknown', params: { name: kind, list }, detail: `unknown optimizer '${kind}'; use ${list}` };
  }
  return optionProblem(kind, optimizerOptions(kind), options);
}

export interface Optimizer {
  readonly kind: OptimizerKind;
  /** The hyperparameters besides lr, resolved. */
  readonly hyper: Hyper;
  /** The learning rate of the next step. May be changed between steps (torch: param_groups[0]['lr']). */
  lr: number;
  /**
   * Updates each parameter that has a gradient, in place (a parameter without
   * one is skipped, as torch skips p.grad = None). With `watch`, returns what
   * the update did to that one entry, computed by the same arithmetic.
   */
  step(params: ReadonlyMap<string, Float64Array>, grads: ReadonlyMap<string, Float64Array>, watch?: { name: string; index: number }): UpdateRecord | null;
  /** What the next step would do to entry `index` of `name` at value `theta` with gradient `grad`; changes nothing. */
  preview(name: string, index: number, theta: number, grad: number): UpdateRecord;
  /** Updates parameter `name` has had (Adam's t). */
  steps(name: string): number;
  /** The state buffers of `name` (momentum: v; Adam: m, v), read-only views. */
  buffers(name: string): Readonly<Record<string, Float64Array>>;
  /** Forgets all state, as a new optimizer would. */
  reset(): void;
  /** A copy of all its state (buffers and step counts), to come back to with `restore`. */
  save(): OptimizerSnapshot;
  restore(snapshot: OptimizerSnapshot): void;
}

/** An optimizer's state at one moment (opaque: only `restore` reads it). */
export interface OptimizerSnapshot {
  readonly entries: readonly (readonly [string, { length: number; state: unknown }])[];
}

/** A new optimizer; throws RangeError on settings that optimizerProblem rejects. */
export function createOptimizer(settings: OptimizerSettings): Optimizer {
  const problem = optimizerProblem(settings.kind, settings.options);
  if (problem) throw new RangeError(problem.detail);
  const { kind } = settings;
  const rule = OPTIMIZERS[kind] as OptimizerRule<unknown>;
  const all = resolveOptions(kind, optimizerOptions(kind), settings.options);
  const { lr, ...rest } = all;
  const hyper: Hyper = Object.freeze(rest);
  let states = new Map<string, { length: number; state: unknown }>();

  function stateOf(name: string, length: number): unknown {
    let entry = states.get(name);
    if (!entry) {
      entry = { length, state: rule.createState(length) };
      states.set(name, entry);
    } else if (entry.length !== length) {
      throw new RangeError(`parameter '${name}' has ${length} entries, but the optimizer's state for it has ${entry.length}; reset the optimizer when the parameters change`);
    }
    return entry.state;
  }

  const optimizer: Optimizer = {
    kind,
    hyper,
    lr,
    step(params, grads, watch) {
      if (!(Number.isFinite(optimizer.lr) && optimizer.lr >= 0)) throw new RangeError(`the learning rate must be a finite number ≥ 0, found ${optimizer.lr}`);
      let record: UpdateRecord | null = null;
      for (const [name, p] of params) {
        const g = grads.get(name);
        if (!g) continue;
        if (g.length !== p.length) throw new RangeError(`the gradient of '${name}' has ${g.length} entries, the parameter ${p.length}`);
        const state = stateOf(name, p.length);
        if (watch && watch.name === name) {
          if (!(Number.isInteger(watch.index) && watch.index >= 0 && watch.index < p.length)) throw new RangeError(`'${name}' has no entry ${watch.index}`);
          record = rule.explain(name, watch.index, p[watch.index], g[watch.index], state, optimizer.lr, hyper);
        }
        rule.update(p, g, state, optimizer.lr, hyper);
      }
      return record;
    },
    preview(name, index, theta, grad) {
      const entry = states.get(name);
      const state = entry ? entry.state : rule.createState(index + 1);
      return rule.explain(name, index, theta, grad, state, optimizer.lr, hyper);
    },
    steps(name) {
      const entry = states.get(name);
      return entry ? rule.steps(entry.state) : 0;
    },
    buffers(name) {
      const entry = states.get(name);
      return entry ? rule.buffers(entry.state) : {};
    },
    reset() {
      states.clear();
    },
    save() {
      return { entries: structuredClone([...states]) };
    },
    restore(snapshot) {
      states = new Map(structuredClone(snapshot.entries) as [string, { length: number; state: unknown }][]);
    },
  };
  return optimizer;
}
