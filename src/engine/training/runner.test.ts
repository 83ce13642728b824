import { describe, expect, it } from 'vitest';
import { TrainingRunner } from './runner';

const MOONS = [
  'data X, Y = moons(n=200, noise=0.1, seed=1, batch=32)',
  'param W1 = randn(2, 8, std=1, seed=1)',
  'param b1 = zeros(8)',
  'param W2 = randn(8, 2, std=1, seed=2)',
  'param b2 = zeros(2)',
  'H = tanh(X @ W1 + b1)',
  'L = softmax_cross_entropy(H @ W2 + b2, Y)',
].join('\n');

const flat = (m: Map<string, { data: Float64Array }>) => [...m.values()].flatMap((t) => Array.from(t.data));

describe('TrainingRunner', () => {
  it('learns moons: the loss falls and the test accuracy rises above 90%', () => {
    const runner = new TrainingRunner(MOONS, { optimizer: 'adam', lr: 0.05 });
    const before = runner.evaluate();
    const chunk = runner.run(300);
    expect(chunk.iteration).toBe(300);
    expect(chunk.losses).toHaveLength(300);
    const after = runner.evaluate();
    expect(after.trainLoss).toBeLessThan(before.trainLoss / 5);
    expect(after.testAccuracy).toBeGreaterThan(0.9);
    expect(chunk.evaluations.length).toBeGreaterThan(0);
  });

  it('finds any past iteration again: the parameters before update k, across a learning-rate change', () => {
    const runner = new TrainingRunner(MOONS, { optimizer: 'momentum', lr: 0.1, momentum: 0.9 });
    const seen = new Map<number, number[]>();
    for (let k = 0; k < 120; k++) {
      if (k === 70) runner.setLearningRate(0.02);
      seen.set(k, flat(runner.session.snapshot()));
      runner.run(1);
    }
    for (const k of [0, 1, 24, 25, 26, 69, 70, 71, 119]) expect(flat(runner.paramsBefore(k))).toEqual(seen.get(k));
    // Replaying leaves the run itself where it was.
    expect(runner.iteration).toBe(120);
  });

  it("replays iteration k with the watched entry's update: the same numbers the run itself used", () => {
    const runner = new TrainingRunner(MOONS, { optimizer: 'adam', lr: 0.05 });
    const watch = { id: 'W1', index: 5 };
    runner.watch = watch;
    const updates: (number | undefined)[][] = [];
    for (let k = 0; k < 60; k++) {
      const u = runner.run(1).update;
      updates.push([u?.theta, u?.grad, u?.delta, u?.thetaNew, u?.kind === 'adam' ? u.mHat : undefined]);
    }
    for (const k of [0, 1, 26, 59]) {
      const { params, update } = runner.replayAt(k, watch);
      expect(params.get('W1')!.data[5]).toBe(updates[k][0]);
      expect([update?.theta, update?.grad, update?.delta, update?.thetaNew, update?.kind === 'adam' ? update.mHat : undefined]).toEqual(updates[k]);
    }
    // At the current iteration: the update about to be made, and the run does not move.
    const next = runner.replayAt(60, watch);
    expect(runner.iteration).toBe(60);
    const made = runner.run(1).update;
    expect(next.update).toEqual(made);
    expect(runner.replayAt(3, null).update).toBeNull();
  });

  it('keeps finding past iterations when checkpoints are thinned out', () => {
    const runner = new TrainingRunner('param w = 3\nL = (w - 1) ^ 2 + w * w * 0.01', { optimizer: 'adam', lr: 0.01 });
    const seen: number[][] = [];
    for (let k = 0; k < 2000; k++) {
      seen.push(flat(runner.session.snapshot()));
      runner.run(1);
    }
    for (const k of [0, 777, 1234, 1999]) expect(flat(runner.paramsBefore(k))).toEqual(seen[k]);
  });

  it('stops when the run diverges and says which step and which parameter', () => {
    const runner = new TrainingRunner('param x = 1\ny = 3\nL = (x * y) ^ 2', { optimizer: 'sgd', lr: 1e6 });
    const chunk = runner.run(1000);
    expect(chunk.divergence).not.toBeNull();
    expect(chunk.divergence?.parameter).toBe('x');
    expect(chunk.iteration).toBeLessThan(20);
    expect(runner.run(10).losses).toHaveLength(0);
  });

  it('a well-trained model whose tiny batch losses rise and fall is not diverging', () => {
    // The moons lesson's network: its batch losses near 1e-4 once rose four times in a row by 10×.
    const lesson = MOONS.replace('std=1, seed=1', 'std=0.71, seed=1').replace('std=1, seed=2', 'std=0.35, seed=2');
    const runner = new TrainingRunner(lesson, { optimizer: 'adam', lr: 0.05 });
    const chunk = runner.run(2000);
    expect(chunk.divergence).toBeNull();
    expect(chunk.iteration).toBe(2000);
    expect(Math.max(...chunk.losses.slice(-100))).toBeLessThan(0.05);
  });

  it('gives the scores over points of the plane for a 2-D data set', () => {
    const runner = new TrainingRunner(MOONS, { optimizer: 'adam', lr: 0.05 });
    const scores = runner.scoresAt(Float64Array.of(0, 0, 1, 1, -1, 0.5), 3);
    expect(scores).toHaveLength(6);
  });
});
