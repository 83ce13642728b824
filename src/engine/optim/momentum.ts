// SGD with momentum, as torch.optim.SGD(momentum=μ) with dampening 0 and no
// Nesterov: the buffer v is a copy of g on a parameter's first step, then
// v ← μ·v + g; and θ ← θ − α·v. With μ = 0 torch keeps no buffer: plain SGD.
import type { OptimizerRule } from './types';

interface MomentumState {
  /** null until the parameter's first update. */
  v: Float64Array | null;
  steps: number;
}

export const momentum: OptimizerRule<MomentumState> = {
  kind: 'momentum',
  options: [
    { name: 'momentum', default: 0.9, min: 0, max: 1, maxExclusive: true, doc: 'μ, the share of the last step kept (torch: momentum)' },
  ],
  createState: () => ({ v: null, steps: 0 }),
  update(p, g, state, lr, h) {
    const mu = h.momentum;
    const negLr = -lr;
    if (mu === 0) {
      for (let i = 0; i < p.length; i++) p[i] = p[i] + negLr * g[i];
    } else if (state.v === null) {
      const v = Float64Array.from(g);
      state.v = v;
      for (let i = 0; i < p.length; i++) p[i] = p[i] + negLr * v[i];
    } else {
      const v = state.v;
      for (let i = 0; i < p.length; i++) {
        v[i] = v[i] * mu + g[i];
        p[i] = p[i] + negLr * v[i];
      }
    }
    state.steps++;
  },
  explain(name, index, theta, grad, state, lr, h) {
    const mu = h.momentum;
    const vPrev = mu === 0 || state.v === null ? null : state.v[index];
    const v = vPrev === null ? grad : vPrev * mu + grad;
    const delta = -lr * v;
    return { kind: 'momentum', name, index, lr, momentum: mu, theta, grad, vPrev, v, delta, thetaNew: theta + delta };
  },
  buffers: (state): Readonly<Record<string, Float64Array>> => (state.v ? { v: state.v } : {}),
  steps: (state) => state.steps,
};
