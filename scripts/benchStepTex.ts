// What the step panel writes at each step of a tensor network (the MLP
// 784-128-10 at batch 64): every TeX line and the announcement, per step. Large
// factors are written with their shapes only, so a step must cost well under a
// frame (16.7 ms) however big its matrices.
import { compile } from '../src/engine';
import { entryGradient, entryValueTex } from '../src/formulas/entryTex';
import { tensorStepLines } from '../src/formulas/tensorTex';
import { announcement } from '../src/ui/describe';
import { emit, stats } from './benchUtil';

const PROGRAM = [
  'X = uniform(64, 784, low=0, high=1, seed=3)',
  'param W1 = randn(784, 128, std=0.05, seed=1)',
  'param b1 = zeros(128)',
  'param W2 = randn(128, 10, std=0.1, seed=2)',
  'param b2 = zeros(10)',
  'T = zeros(64, 10)',
  'H = tanh(X @ W1 + b1)',
  'L = softmax_cross_entropy(H @ W2 + b2, T)',
].join('\n');

export function benchStepTex(): void {
  const c = compile(PROGRAM);
  const perStep: number[] = [];
  const worst: number[] = [];
  for (let run = 0; run < 8; run++) {
    let slowest = 0;
    for (let step = 0; step <= c.trace.end; step++) {
      const t0 = performance.now();
      tensorStepLines(c.graph, c.trace, step);
      announcement('en', c, step);
      const ms = performance.now() - t0;
      if (run >= 2) perStep.push(ms);
      slowest = Math.max(slowest, ms);
    }
    if (run >= 2) worst.push(slowest);
  }
  // One entry of W1 (its gradient sums over the 64 rows) and of the scores (a sum of 128 products).
  const W1 = c.graph.nodes.findIndex((n) => n.id === 'W1');
  const scores = c.graph.nodes.findIndex((n) => n.op === 'matmul' && n.shape[1] === 10);
  const entry = stats(
    Array.from({ length: 20 }, (_, k) => {
      const t0 = performance.now();
      entryGradient(c.graph, c.trace, W1, k * 997, c.trace.end);
      entryValueTex(c.graph, scores, k * 31);
      return performance.now() - t0;
    }).slice(4),
  );
  const step = stats(perStep);
  const slowest = stats(worst);
  emit({
    name: 'tensor/step-tex-784-128-10',
    steps: c.trace.end + 1,
    step_ms: step.median,
    step_max_ms: step.max,
    slowest_step_ms: slowest.median,
    entry_ms: entry.median,
    entry_max_ms: entry.max,
  });
}
