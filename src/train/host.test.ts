// The training host as the worker runs it: messages in, steady reports out.
import { afterEach, describe, expect, it } from 'vitest';
import { TrainingRunner } from '../engine/training/runner';
import { loadImageAsset } from '../data/loadNode';
import { createTrainingHost } from './host';
import type { FromTrainer, ToTrainer } from './protocol';

const MOONS = 'data X, Y = moons(n=200, noise=0.1, seed=1, batch=32)\nparam W1 = randn(2, 8, std=1, seed=1)\nparam b1 = zeros(8)\nparam W2 = randn(8, 2, std=1, seed=2)\nparam b2 = zeros(2)\nH = tanh(X @ W1 + b1)\nL = softmax_cross_entropy(H @ W2 + b2, Y)';
const PARABOLOID = 'x = 1\ny = 4\nf = x^2 + y^2 + 2*x + 2';

let stop: (() => void) | null = null;
afterEach(() => stop?.());

function host() {
  const messages: FromTrainer[] = [];
  const handle = createTrainingHost({ post: (m) => messages.push(m), loadAsset: loadImageAsset, sliceMs: 5, reportMs: 30 });
  stop = () => handle({ type: 'stop' });
  const next = async (type: FromTrainer['type'], after = 0): Promise<FromTrainer> => {
    for (let i = 0; i < 400; i++) {
      const found = messages.slice(after).find((m) => m.type === type);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no ${type} message`);
  };
  return { messages, send: (m: ToTrainer) => handle(m), next };
}

describe('the training host', () => {
  it('starts paused, runs with reports at a steady rate, pauses, and finds an iteration again', async () => {
    const h = host();
    h.send({ type: 'start', text: MOONS, settings: { optimizer: 'sgd', lr: 0.5 } });
    h.send({ type: 'watch', id: 'W2', index: 3 });
    const ready = (await h.next('ready')) as Extract<FromTrainer, { type: 'ready' }>;
    expect(ready.info.params.map((p) => [p.id, p.shape])).toEqual([['W1', [2, 8]], ['b1', [8]], ['W2', [8, 2]], ['b2', [2]]]);
    expect(ready.info.dataset).toMatchObject({ name: 'moons', classes: 2, trainRows: 160, testRows: 40, perEpoch: 5, batch: 32 });
    expect(ready.info.dataset?.points?.x.length).toBe(400);
    expect(await h.next('boundary')).toMatchObject({ boundary: { resolution: 48 } });
    const from = h.messages.length;
    h.send({ type: 'run' });
    await new Promise((r) => setTimeout(r, 400));
    h.send({ type: 'pause' });
    const progress = h.messages.slice(from).filter((m) => m.type === 'progress') as Extract<FromTrainer, { type: 'progress' }>[];
    expect(progress.length).toBeGreaterThan(3);
    const last = progress.at(-1)!;
    expect(last.running).toBe(false);
    const iteration = last.chunk.iteration;
    expect(iteration).toBeGreaterThan(10);
    // Every iteration's loss arrives once, in order.
    expect(progress.reduce((n, p) => n + p.chunk.losses.length, 0)).toBe(iteration);
    // The watched entry's update comes with the reports.
    expect(progress.find((p) => p.update)?.update).toMatchObject({ kind: 'sgd', name: 'W2', index: 3, lr: 0.5 });
    // The whole splits are evaluated along the way (moons is cheap to evaluate: every epoch of 5 batches).
    const evaluated = progress.filter((p) => p.running).flatMap((p) => p.chunk.evaluations);
    expect(evaluated.length).toBeGreaterThan(2);
    expect(evaluated.every((e) => e.iteration % 5 === 0)).toBe(true);
    // Reports come in chunks of a slice each, not one per iteration.
    expect(progress.length).toBeLessThan(iteration);
    // The products of moons (32×2 · 2×8 and up) ran on the WebAssembly kernel.
    expect(progress.map((p) => p.kernel)).toEqual(progress.map(() => 'wasm'));

    const k = Math.floor(iteration / 2);
    h.send({ type: 'openIteration', request: 7, iteration: k });
    const opened = (await h.next('iteration')) as Extract<FromTrainer, { type: 'iteration' }>;
    const replay = new TrainingRunner(MOONS, { optimizer: 'sgd', lr: 0.5 });
    replay.watch = { id: 'W2', index: 3 };
    replay.run(k);
    const expected = replay.session.snapshot();
    expect(opened.request).toBe(7);
    expect(Array.from(opened.params.find((p) => p.id === 'W1')!.data)).toEqual(Array.from(expected.get('W1')!.data));
    const update = replay.run(1).update!;
    expect(opened.update).toEqual(update);
  });

  it('sends the parameters themselves when they are few', async () => {
    const h = host();
    h.send({ type: 'start', text: PARABOLOID, settings: { optimizer: 'sgd', lr: 0.01 } });
    await h.next('ready');
    h.send({ type: 'step', count: 1 });
    const p = (await h.next('progress')) as Extract<FromTrainer, { type: 'progress' }>;
    expect(p.params?.map((q) => [q.id, Array.from(q.data)])).toEqual([
      ['x', [1 - 0.01 * 4]],
      ['y', [4 - 0.01 * 8]],
    ]);
  });

  it('a program with nothing to train is an error message, and the host goes on', async () => {
    const h = host();
    h.send({ type: 'start', text: 'data X, Y = moons()\nL = mean(X)', settings: { optimizer: 'sgd', lr: 0.1 } });
    expect(await h.next('error')).toMatchObject({ message: expect.stringMatching(/no parameter to train/) });
    h.send({ type: 'openIteration', request: 1, iteration: 0 });
    expect(await h.next('iteration')).toMatchObject({ params: [] });
    h.send({ type: 'start', text: PARABOLOID, settings: { optimizer: 'sgd', lr: 0.01 } });
    expect(await h.next('ready')).toMatchObject({ type: 'ready' });
  });

  it('a learning rate of 1e6 diverges: the run stops and says where', async () => {
    const h = host();
    h.send({ type: 'start', text: PARABOLOID, settings: { optimizer: 'sgd', lr: 1e6 } });
    await h.next('ready');
    h.send({ type: 'run' });
    for (let i = 0; i < 100 && !h.messages.some((m) => m.type === 'progress' && m.chunk.divergence); i++) await new Promise((r) => setTimeout(r, 10));
    const p = h.messages.find((m) => m.type === 'progress' && m.chunk.divergence) as Extract<FromTrainer, { type: 'progress' }>;
    expect(p.running).toBe(false);
    expect(p.chunk.divergence).toMatchObject({ parameter: expect.stringMatching(/^[xy]$/) });
    expect(p.chunk.divergence!.iteration).toBeLessThan(10);
  });
});
