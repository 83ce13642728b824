// SGD: θ ← θ − α·g (torch.optim.SGD without momentum: param.add_(g, alpha=−lr)).
import type { OptimizerRule } from './types';

interface SgdState {
  steps: number;
}

export const sgd: OptimizerRule<SgdState> = {
  kind: 'sgd',
  options: [],
  createState: () => ({ steps: 0 }),
  update(p, g, state, lr) {
    const negLr = -lr;
    for (let i = 0; i < p.length; i++) p[i] = p[i] + negLr * g[i];
    state.steps++;
  },
  explain(name, index, theta, grad, _state, lr) {
    const delta = -lr * grad;
    return { kind: 'sgd', name, index, lr, theta, grad, delta, thetaNew: theta + delta };
  },
  buffers: () => ({}),
  steps: (state) => state.steps,
};
