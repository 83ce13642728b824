// Adam, as torch.optim.Adam (no weight decay, no AMSGrad) in PyTorch's own
// order of operations (_single_tensor_adam), so float64 runs agree with
// PyTorch to the last bit or two:
//   t ← t + 1
//   m ← m·β₁ + (1−β₁)·g            exp_avg.mul_(β₁).add_(g, alpha=1−β₁)
//   v ← v·β₂ + ((1−β₂)·g)·g        exp_avg_sq.mul_(β₂).addcmul_(g, g, value=1−β₂)
//   stepSize = α / (1−β₁ᵗ)
//   denom = √v / √(1−β₂ᵗ) + ε
//   θ ← θ + (−stepSize·m) / denom   param.addcdiv_(m, denom, value=−stepSize)
// Mathematically θ ← θ − α·m̂/(√v̂ + ε) with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).
import type { Hyper, OptimizerRule } from './types';

interface AdamState {
  m: Float64Array;
  v: Float64Array;
  /** Updates so far (torch's state['step']). */
  t: number;
}

interface Coefficients {
  bc1: number;
  bc2: number;
  bc2Sqrt: number;
  stepSize: number;
}

function coefficients(t: number, lr: number, h: Hyper): Coefficients {
  const bc1 = 1 - h.beta1 ** t;
  const bc2 = 1 - h.beta2 ** t;
  return { bc1, bc2, bc2Sqrt: Math.sqrt(bc2), stepSize: lr / bc1 };
}

export const adam: OptimizerRule<AdamState> = {
  kind: 'adam',
  options: [
    { name: 'beta1', default: 0.9, min: 0, max: 1, maxExclusive: true, doc: 'β₁, the decay of the running mean m of g' },
    { name: 'beta2', default: 0.999, min: 0, max: 1, maxExclusive: true, doc: 'β₂, the decay of the running mean v of g²' },
    { name: 'eps', default: 1e-8, min: 0, max: 1, doc: 'ε, added to √v̂ so the step stays finite' },
  ],
  createState: (length) => ({ m: new Float64Array(length), v: new Float64Array(length), t: 0 }),
  update(p, g, state, lr, h) {
    state.t++;
    const { beta1, beta2, eps } = h;
    const a1 = 1 - beta1;
    const a2 = 1 - beta2;
    const { bc2Sqrt, stepSize } = coefficients(state.t, lr, h);
    const negStep = -stepSize;
    const { m, v } = state;
    for (let i = 0; i < p.length; i++) {
      const gi = g[i];
      m[i] = m[i] * beta1 + a1 * gi;
      v[i] = v[i] * beta2 + a2 * gi * gi;
      const denom = Math.sqrt(v[i]) / bc2Sqrt + eps;
      p[i] = p[i] + (negStep * m[i]) / denom;
    }
  },
  explain(name, index, theta, grad, state, lr, h) {
    const { beta1, beta2, eps } = h;
    const t = state.t + 1;
    const mPrev = state.m[index];
    const vPrev = state.v[index];
    const m = mPrev * beta1 + (1 - beta1) * grad;
    const v = vPrev * beta2 + (1 - beta2) * grad * grad;
    const { bc1, bc2, bc2Sqrt, stepSize } = coefficients(t, lr, h);
    const denom = Math.sqrt(v) / bc2Sqrt + eps;
    const delta = (-stepSize * m) / denom;
    return {
      kind: 'adam',
      name,
      index,
      lr,
      beta1,
      beta2,
      eps,
      t,
      theta,
      grad,
      mPrev,
      vPrev,
      m,
      v,
      biasCorrection1: bc1,
      biasCorrection2: bc2,
      mHat: m / bc1,
      vHat: v / bc2,
      stepSize,
      denom,
      delta,
      thetaNew: theta + delta,
    };
  },
  buffers: (state) => ({ m: state.m, v: state.v }),
  steps: (state) => state.t,
};
