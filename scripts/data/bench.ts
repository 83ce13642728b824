// `npm run bench -- data`: making data sets, decoding the images, one
// optimizer step over the parameters of a 784-128-10 network.
import { makeDataset } from '../../src/engine/data/registry';
import { FASHION } from '../../src/engine/data/assets/fashion';
import { createBatcher } from '../../src/engine/data/batches';
import { createOptimizer } from '../../src/engine/optim/optimizer';
import type { OptimizerKind } from '../../src/engine/optim/types';
import { emit, stats } from '../benchUtil';

function time(runs: number, warmup: number, fn: () => void): ReturnType<typeof stats> {
  const samples: number[] = [];
  for (let r = 0; r < warmup + runs; r++) {
    const t0 = performance.now();
    fn();
    if (r >= warmup) samples.push(performance.now() - t0);
  }
  return stats(samples);
}

const report = (name: string, s: ReturnType<typeof stats>, extra: Record<string, unknown> = {}) =>
  emit({ name, ...extra, ms: s.median, min_ms: s.min, max_ms: s.max });

export function benchData(): void {
  for (const set of ['moons', 'spiral'] as const) report(`data/${set}-10k`, time(21, 5, () => makeDataset(set, { n: 10_000 })), { points: 10_000 });
  report('data/fashion-decode', time(11, 2, () => makeDataset('fashion', {}, FASHION)), { rows: FASHION.train.rows + FASHION.test.rows });
  const batcher = createBatcher({ rows: 3000, batch: 64, seed: 1 });
  let epoch = 0;
  report('data/epoch-order-3000', time(51, 5, () => batcher.at(batcher.perEpoch * epoch++)), { rows: 3000 });
  // The parameters of H = tanh(X @ W1 + b1); L = softmax_cross_entropy(H @ W2 + b2, Y): 101,770 numbers.
  const shapes: [string, number][] = [['W1', 784 * 128], ['b1', 128], ['W2', 128 * 10], ['b2', 10]];
  for (const kind of ['sgd', 'momentum', 'adam'] as OptimizerKind[]) {
    const params = new Map(shapes.map(([name, n]) => [name, Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 0.1)]));
    const grads = new Map(shapes.map(([name, n]) => [name, Float64Array.from({ length: n }, (_, i) => Math.cos(i) * 0.01)]));
    const opt = createOptimizer({ kind, options: { lr: 0.01 } });
    report(`optim/${kind}-step-784-128-10`, time(101, 10, () => opt.step(params, grads)), { params: 101_770 });
  }
}
