// A trace is the list of steps of CONTRACTS §2 as plain data. The UI is a
// function of (graph, trace, step index): nothing here refers to the DOM.
import type { Tensor } from './tensor/tensor';

/** What one edge carried during one backward step. */
export interface Contribution {
  /** The edge, in `Graph.edges`. */
  readonly edge: number;
  /** The input node receiving the contribution. */
  readonly to: number;
  /** The argument slot of the visited node this edge enters (0 = a, 1 = b). */
  readonly slot: number;
  /** ∂(visited node)/∂(input): the local derivative (a number; NaN when the values are tensors). */
  readonly local: number;
  /** ∂L/∂(visited node): the gradient arriving from downstream (NaN for tensors). */
  readonly upstream: number;
  /** local × upstream: what is added to the input's gradient (NaN for tensors). */
  readonly amount: number;
  /** The input's gradient before and after the addition (NaN for tensors). */
  readonly before: number;
  readonly after: number;
  /** The same as tensors (numbers have shape []): always present. */
  readonly tensors: ContributionTensors;
  /** 1-based count of contributions the input has received so far, and how many it will receive. */
  readonly arrival: number;
  readonly arrivals: number;
  /** True when this was the input's last contribution: its gradient is now final. */
  readonly final: boolean;
}

export interface ContributionTensors {
  /** For ops on numbers: ∂out/∂input element by element, in the output's shape; null for tensor ops (their rule is a product). */
  readonly local: Tensor | null;
  readonly upstream: Tensor;
  /** What is added to the input's gradient: the input's shape. */
  readonly amount: Tensor;
  /** The input's gradient before (zeros at the first arrival) and after the addition. */
  readonly before: Tensor;
  readonly after: Tensor;
  /** Axes along which the forward pass stretched (broadcast) the input; `amount` sums over them. */
  readonly summed: readonly number[];
}

export type Step =
  | { readonly kind: 'start' }
  | { readonly kind: 'forward'; readonly node: number; readonly value: number }
  | { readonly kind: 'seed'; readonly node: number }
  | {
      readonly kind: 'backward';
      readonly node: number;
      /** ∂L/∂(visited node), final at this point (NaN for tensors: see `gradTensor`). */
      readonly grad: number;
      readonly gradTensor: Tensor;
      readonly contributions: readonly Contribution[];
      /** Nodes whose gradient became final during this step (receivers of a last contribution, or the visited node itself if it had no consumers). */
      readonly finalized: readonly number[];
    };

export type Phase = 'start' | 'forward' | 'seed' | 'backward';

export interface Trace {
  readonly steps: readonly Step[];
  /** Index of the last forward step (the `forward` URL value); 0 if there is none. */
  readonly lastForward: number;
  /** Index of the seed step. */
  readonly seed: number;
  /** Index of the last step (the `end` URL value). */
  readonly end: number;
  /** Per node: the step at which its value is shown (0 for leaves). */
  readonly valueStep: Int32Array;
  /** Per node: the steps at which its gradient changed, and the gradient after each (numbers; NaN for tensors). */
  readonly gradSteps: readonly Int32Array[];
  readonly gradValues: readonly Float64Array[];
  /** The same gradients as tensors. */
  readonly gradTensors: readonly (readonly Tensor[])[];
  /** Per node: the step at which its gradient became final. */
  readonly finalStep: Int32Array;
  /** Per node: the backward step at which it was visited. */
  readonly visitStep: Int32Array;
  /** Per node: final gradient ∂L/∂node (numbers; NaN for tensors). */
  readonly grads: Float64Array;
  /** Per node: final gradient as a tensor. */
  readonly finalGrads: readonly Tensor[];
}

/** The state of one node at one step, as drawn. */
export interface NodeState {
  readonly value: number | undefined;
  readonly grad: number | undefined;
  /** The value and gradient as tensors, when shown. */
  readonly valueTensor: Tensor | undefined;
  readonly gradTensor: Tensor | undefined;
  readonly final: boolean;
  /** How many contributions have arrived so far. */
  readonly arrived: number;
}
