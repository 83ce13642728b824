// A trace is the list of steps of CONTRACTS §2 as plain data. The UI is a
// function of (graph, trace, step index): nothing here refers to the DOM.

/** What one edge carried during one backward step. */
export interface Contribution {
  /** The edge, in `Graph.edges`. */
  readonly edge: number;
  /** The input node receiving the contribution. */
  readonly to: number;
  /** The argument slot of the visited node this edge enters (0 = a, 1 = b). */
  readonly slot: number;
  /** ∂(visited node)/∂(input): the local derivative. */
  readonly local: number;
  /** ∂L/∂(visited node): the gradient arriving from downstream. */
  readonly upstream: number;
  /** local × upstream: what is added to the input's gradient. */
  readonly amount: number;
  /** The input's gradient before and after the addition. */
  readonly before: number;
  readonly after: number;
  /** 1-based count of contributions the input has received so far, and how many it will receive. */
  readonly arrival: number;
  readonly arrivals: number;
  /** True when this was the input's last contribution: its gradient is now final. */
  readonly final: boolean;
}

export type Step =
  | { readonly kind: 'start' }
  | { readonly kind: 'forward'; readonly node: number; readonly value: number }
  | { readonly kind: 'seed'; readonly node: number }
  | {
      readonly kind: 'backward';
      readonly node: number;
      /** ∂L/∂(visited node), final at this point. */
      readonly grad: number;
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
  /** Per node: the steps at which its gradient changed, and the gradient after each. */
  readonly gradSteps: readonly Int32Array[];
  readonly gradValues: readonly Float64Array[];
  /** Per node: the step at which its gradient became final. */
  readonly finalStep: Int32Array;
  /** Per node: the backward step at which it was visited. */
  readonly visitStep: Int32Array;
  /** Per node: final gradient ∂L/∂node. */
  readonly grads: Float64Array;
}

/** The state of one node at one step, as drawn. */
export interface NodeState {
  readonly value: number | undefined;
  readonly grad: number | undefined;
  readonly final: boolean;
  /** How many contributions have arrived so far. */
  readonly arrived: number;
}
