// The optimizers of torch.optim (PyTorch 1.13), in float64, as plain data and
// loops. An optimizer keeps per-parameter state (buffers keyed by parameter
// name) and updates parameters in place; it can also say, with numbers, what
// one update does to one entry, for the page to write out.
import type { NumberOption } from '../data/options';

export type OptimizerKind = 'sgd' | 'momentum' | 'adam';

/** One entry's update, common part: θ ← θ + Δ. */
interface UpdateBase {
  /** The parameter's name and the entry's index in its row-major values. */
  readonly name: string;
  readonly index: number;
  /** The learning rate α used by this update. */
  readonly lr: number;
  /** θ before the update. */
  readonly theta: number;
  /** g = ∂L/∂θ. */
  readonly grad: number;
  /** Δ, as computed; thetaNew is exactly theta + delta. */
  readonly delta: number;
  readonly thetaNew: number;
}

/** SGD: Δ = −α·g. */
export interface SgdUpdate extends UpdateBase {
  readonly kind: 'sgd';
}

/** SGD with momentum μ: v ← g on the first step, then v ← μ·v + g; Δ = −α·v. */
export interface MomentumUpdate extends UpdateBase {
  readonly kind: 'momentum';
  readonly momentum: number;
  /** v before the update; null on the parameter's first step (then v = g). */
  readonly vPrev: number | null;
  readonly v: number;
}

/**
 * Adam at step t: m ← β₁·m + (1−β₁)·g, v ← β₂·v + (1−β₂)·g²,
 * m̂ = m / (1−β₁ᵗ), v̂ = v / (1−β₂ᵗ), Δ = −α·m̂ / (√v̂ + ε).
 * Δ itself is computed in PyTorch's order: stepSize = α / (1−β₁ᵗ),
 * denom = √v / √(1−β₂ᵗ) + ε, Δ = (−stepSize·m) / denom; m̂ and v̂ are for display.
 */
export interface AdamUpdate extends UpdateBase {
  readonly kind: 'adam';
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  /** The step count after this update (1 on the first). */
  readonly t: number;
  readonly mPrev: number;
  readonly vPrev: number;
  readonly m: number;
  readonly v: number;
  /** 1 − β₁ᵗ and 1 − β₂ᵗ. */
  readonly biasCorrection1: number;
  readonly biasCorrection2: number;
  readonly mHat: number;
  readonly vHat: number;
  readonly stepSize: number;
  readonly denom: number;
}

export type UpdateRecord = SgdUpdate | MomentumUpdate | AdamUpdate;

/** The hyperparameters of one optimizer, every option resolved. */
export type Hyper = Readonly<Record<string, number>>;

/** One optimizer's entry in the registry: its options and its update rule. */
export interface OptimizerRule<S> {
  readonly kind: OptimizerKind;
  /** Its hyperparameters besides the learning rate, with torch's defaults. */
  readonly options: readonly NumberOption[];
  createState(length: number): S;
  /** Updates every entry of `p` in place from the gradient `g`, advancing `state`. */
  update(p: Float64Array, g: Float64Array, state: S, lr: number, h: Hyper): void;
  /** What `update` would do to entry `index` (value `theta`, gradient `grad`); changes nothing. */
  explain(name: string, index: number, theta: number, grad: number, state: S, lr: number, h: Hyper): UpdateRecord;
  /** The state's buffers by their names in the formulas (momentum: v; Adam: m, v). */
  buffers(state: S): Readonly<Record<string, Float64Array>>;
  /** How many updates this parameter has had. */
  steps(state: S): number;
}
