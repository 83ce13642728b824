// The program slice's data loading and its view of one training iteration.
import { describe, expect, it } from 'vitest';
import { createBatcher, gatherRows } from '../../engine/data';
import type { ImageAsset } from '../../engine/data/imageAsset';
import { loadImageAsset } from '../../data/loadNode';
import { createVisualizerStore } from '../visualizer';

const DIGITS = 'data X, Y = digits(n=100, batch=16)\nparam W = zeros(64, 10)\nparam b = zeros(10)\nL = softmax_cross_entropy(X @ W + b, Y)';
const MOONS = 'data X, Y = moons(n=100, seed=2, batch=8)\nparam W = [[1, -1], [0.5, 2]]\nparam b = [0, 0]\nL = softmax_cross_entropy(X @ W + b, Y)';

/** A loader the test resolves or rejects by hand. */
function manualLoader() {
  const calls: { name: string; resolve: (a: ImageAsset) => void; reject: (e: unknown) => void }[] = [];
  const load = (name: string) => new Promise<ImageAsset>((resolve, reject) => calls.push({ name, resolve, reject }));
  return { load, calls };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('a program that names an image set', () => {
  it('keeps the last graph while its images load, then draws the batch', async () => {
    const loader = manualLoader();
    const store = createVisualizerStore({ text: 'x = 1\nf = x * x', loadAsset: loader.load });
    const before = store.getState().compiled;
    store.getState().setText(DIGITS);
    expect(store.getState()).toMatchObject({ text: DIGITS, error: null, dataLoad: { name: 'digits', status: 'loading' } });
    expect(store.getState().compiled).toBe(before);
    expect(loader.calls.map((c) => c.name)).toEqual(['digits']);
    loader.calls[0].resolve(await loadImageAsset('digits'));
    await flush();
    const s = store.getState();
    expect(s.dataLoad).toBeNull();
    expect(s.text).toBe(DIGITS);
    const x = s.compiled!.graph.nodes.find((n) => n.label === 'X')!;
    expect([x.shape, x.role]).toEqual([[16, 64], 'data']);
  });

  it('a failed load is an error at the data line; the text and the last graph stay; trying again loads it', async () => {
    const loader = manualLoader();
    const store = createVisualizerStore({ text: 'x = 1\nf = x * x', loadAsset: loader.load });
    const before = store.getState().compiled;
    const text = `# softmax regression\n${DIGITS}`;
    store.getState().setText(text);
    loader.calls[0].reject(new Error('blocked'));
    await flush();
    let s = store.getState();
    expect(s.error).toMatchObject({ code: 'dataLoadFailed', line: 2 });
    expect(s.error?.message).toMatch(/^line 2, col \d+: the data set 'digits' did not load/);
    expect(s.dataLoad).toEqual({ name: 'digits', status: 'failed' });
    expect([s.text, s.compiled]).toEqual([text, before]);
    s.retryData();
    expect(store.getState().dataLoad?.status).toBe('loading');
    loader.calls[1].resolve(await loadImageAsset('digits'));
    await flush();
    s = store.getState();
    expect(s.error).toBeNull();
    expect(s.compiled?.graph.data?.dataset.name).toBe('digits');
  });

  it('a link to the end of an image-set program lands at the end once the images are in', async () => {
    const store = createVisualizerStore({ text: DIGITS, step: 'end', loadAsset: loadImageAsset });
    expect(store.getState().dataLoad?.status).toBe('loading');
    expect(store.getState().error).toBeNull();
    await expect.poll(() => store.getState().compiled !== null).toBe(true);
    const s = store.getState();
    expect(s.step).toBe(s.compiled!.trace.end);
  });
});

describe('opening a training iteration in the stepper', () => {
  it("shows iteration k's mini-batch and the given parameters, keeps the text, and goes back", () => {
    const store = createVisualizerStore({ text: MOONS, step: 'end' });
    const own = store.getState().compiled!;
    const W = { shape: [2, 2], data: Float64Array.of(0.1, 0.2, 0.3, 0.4) };
    const ok = store.getState().openIteration({ iteration: 27, batchSeed: 5, values: new Map([['W', W]]), update: null });
    expect(ok).toBe(true);
    const s = store.getState();
    const data = s.compiled!.graph.data!;
    // 80 training rows in batches of 8: iteration 27 is batch 7 of epoch 2.
    expect(s.iterationView).toMatchObject({ iteration: 27, epoch: 2, batchIndex: 7, rows: 8 });
    const rows = createBatcher({ rows: 80, batch: 8, seed: 5 }).at(27).rows;
    const x = s.compiled!.graph.nodes[data.x];
    expect(Array.from(x.tensor.data)).toEqual(Array.from(gatherRows(data.dataset.train.x, 2, rows)));
    expect(Array.from(s.compiled!.graph.nodes.find((n) => n.label === 'W')!.tensor.data)).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect([s.text, s.step]).toEqual([MOONS, 0]);
    s.closeIteration();
    expect(store.getState().iterationView).toBeNull();
    expect(Array.from(store.getState().compiled!.graph.nodes.find((n) => n.label === 'W')!.tensor.data)).toEqual(Array.from(own.graph.nodes.find((n) => n.label === 'W')!.tensor.data));
  });

  it('editing the text leaves the iteration', () => {
    const store = createVisualizerStore({ text: MOONS });
    store.getState().openIteration({ iteration: 3, values: new Map(), update: null });
    store.getState().setText(`${MOONS}\n`);
    expect(store.getState().iterationView).toBeNull();
  });
});
