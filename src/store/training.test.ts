// The page's training run: a store that outlives any panel, driven through a client.
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessClient } from '../train/testClient';
import { appendCurve, createTrainingStore, MAX_CURVE_POINTS, type TrainingStore } from './training';

const MOONS = 'data X, Y = moons(n=200, noise=0.1, seed=1, batch=32)\nparam W1 = randn(2, 8, std=1, seed=1)\nparam b1 = zeros(8)\nparam W2 = randn(8, 2, std=1, seed=2)\nparam b2 = zeros(2)\nH = tanh(X @ W1 + b1)\nL = softmax_cross_entropy(H @ W2 + b2, Y)';
const LINEAR = 'x = 2\nparam w = 0.5\ny = 3\nyhat = x * w\nr = yhat - y\nL = r ^ 2';

let store: TrainingStore | null = null;
afterEach(() => store?.getState().dispose());

const until = async (test: () => boolean, what: string) => {
  for (let i = 0; i < 500; i++) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('the training store', () => {
  it('runs, pauses, changes the learning rate on the fly, and restarts for other settings', async () => {
    store = createTrainingStore(inProcessClient);
    const s = () => store!.getState();
    s().start(MOONS, { lr: 0.5 });
    expect(s().status).toBe('loading');
    s().run(); // pressed before the run is ready: it runs once ready
    await until(() => s().iteration > 20, 'iterations');
    expect(s().status).toBe('running');
    expect(s().watch).toEqual({ id: 'W1', index: 0 });
    s().pause();
    await until(() => s().status === 'paused', 'the pause');
    const at = s().iteration;
    expect(s().losses.length).toBe(at);
    expect(s().evaluations.at(-1)?.iteration).toBe(at);
    s().setSettings({ lr: 0.05 });
    expect(s().iteration).toBe(at); // the run goes on from where it was
    s().step(1);
    await until(() => s().iteration === at + 1, 'one step');
    expect(s().update).toMatchObject({ kind: 'sgd', lr: 0.05, name: 'W1', index: 0 });
    s().setSettings({ optimizer: 'adam' });
    expect(s().status).toBe('loading');
    await until(() => s().status === 'paused', 'the new run');
    expect([s().iteration, s().losses.length, s().settings.optimizer]).toEqual([0, 0, 'adam']);
  });

  it('with param, only the parameter moves, and its values come with the progress', async () => {
    store = createTrainingStore(inProcessClient);
    const s = () => store!.getState();
    s().start(LINEAR, { lr: 0.1 });
    await until(() => s().status === 'paused', 'ready');
    expect(s().info?.params.map((p) => p.id)).toEqual(['w']);
    s().step(1);
    await until(() => s().iteration === 1, 'a step');
    // ∂L/∂w = 2·x·(x·w − y) = 2·2·(1 − 3) = −8, so w ← 0.5 − 0.1·(−8) = 1.3
    expect([...s().params!.keys()]).toEqual(['w']);
    expect(s().params!.get('w')![0]).toBeCloseTo(1.3, 14);
    expect(s().update).toMatchObject({ grad: -8, theta: 0.5 });
  });

  it('opens an iteration: the parameters before that update and the update itself', async () => {
    store = createTrainingStore(inProcessClient);
    const s = () => store!.getState();
    s().start(LINEAR, { lr: 0.1 });
    await until(() => s().status === 'paused', 'ready');
    s().step(3);
    await until(() => s().iteration === 3, 'three steps');
    const opened = await s().openIteration(1);
    expect(opened.iteration).toBe(1);
    expect(opened.params.get('w')!.data[0]).toBeCloseTo(1.3, 14);
    // at w = 1.3: g = 2·2·(2.6 − 3) = −1.6
    expect(opened.update?.grad).toBeCloseTo(-1.6, 12);
    expect(opened.update?.thetaNew).toBeCloseTo(1.3 + 0.16, 12);
  });

  it('a diverging run says so and stays put', async () => {
    store = createTrainingStore(inProcessClient);
    const s = () => store!.getState();
    s().start(LINEAR, { lr: 1e6 });
    s().run();
    await until(() => s().status === 'diverged', 'the divergence');
    expect(s().divergence).toMatchObject({ parameter: 'w' });
  });

  it('the loss curve keeps at most MAX_CURVE_POINTS points by averaging neighbours', () => {
    let curve = { curve: [] as number[], stride: 1, pending: [] as number[] };
    const all = Array.from({ length: 5000 }, (_, i) => i);
    for (let i = 0; i < all.length; i += 37) curve = appendCurve(curve.curve, curve.stride, curve.pending, all.slice(i, i + 37));
    expect(curve.curve.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect(curve.stride).toBe(4);
    expect(curve.curve[0]).toBe((0 + 1 + 2 + 3) / 4);
  });
});
