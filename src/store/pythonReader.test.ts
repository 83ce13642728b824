// The page loads the Python reader on first use (engine/source.ts): until it is
// there a Python text waits, with the last graph kept and no error shown.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPython } from '../engine/python';
import { setPythonReader } from '../engine/source';
import { createVisualizerStore } from './visualizer';

const CIRCUIT = 'x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z';
const MICROGRAD = 'from micrograd.engine import Value\na = Value(-4.0)\nb = Value(2.0)\nc = a * b + b\nc.backward()';

/** A loader that registers the reader when `finish` is called (or fails with `fail`). */
function deferredReader() {
  let calls = 0;
  let finish = () => {};
  let fail = () => {};
  const load = () => {
    calls++;
    return new Promise<void>((resolve, reject) => {
      finish = () => {
        setPythonReader(readPython);
        resolve();
      };
      fail = () => reject(new Error('no script'));
    });
  };
  return { load, calls: () => calls, finish: () => finish(), fail: () => fail() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the Python reader, loaded on first use', () => {
  beforeEach(() => setPythonReader(null));
  afterEach(() => setPythonReader(readPython));

  it('a Python link waits for the reader, then draws at the step it asked for', async () => {
    const reader = deferredReader();
    const store = createVisualizerStore({ text: MICROGRAD, step: 'end', loadPython: reader.load });
    expect(store.getState()).toMatchObject({ compiled: null, error: null, compilePending: true, text: MICROGRAD });
    reader.finish();
    await settle();
    const { compiled, step, compilePending, error } = store.getState();
    expect(error).toBeNull();
    expect(compilePending).toBe(false);
    expect(step).toBe(compiled!.trace.end);
    const a = compiled!.graph.nodes.find((n) => n.label === 'a')!;
    expect(compiled!.trace.grads[a.index]).toBe(2);
    expect(reader.calls()).toBe(1);
  });

  it('typing Python keeps the native graph until the reader is there, and loads it once', async () => {
    const reader = deferredReader();
    const store = createVisualizerStore({ text: CIRCUIT, loadPython: reader.load });
    const native = store.getState().compiled;
    store.getState().setText(MICROGRAD);
    store.getState().setText(`${MICROGRAD}\n`);
    expect(store.getState()).toMatchObject({ compiled: native, error: null, compilePending: true, text: `${MICROGRAD}\n` });
    expect(reader.calls()).toBe(1);
    reader.finish();
    await settle();
    expect(store.getState().compiled).not.toBe(native);
    expect(store.getState().compiled!.graph.nodes.map((n) => n.label)).toContain('b');
    expect(store.getState().text).toBe(`${MICROGRAD}\n`);
  });

  it('a reader that does not load leaves the text and says so at line 1', async () => {
    const reader = deferredReader();
    const store = createVisualizerStore({ text: CIRCUIT, loadPython: reader.load });
    store.getState().setText(MICROGRAD);
    reader.fail();
    await settle();
    expect(store.getState().error).toMatchObject({ code: 'readerLoadFailed', line: 1, col: 1 });
    expect(store.getState().text).toBe(MICROGRAD);
    expect(store.getState().compilePending).toBe(false);
    expect(store.getState().compiled!.graph.nodes.map((n) => n.label)).toContain('q');
  });

  it('without a loader (Node registers the reader at start) the missing reader is an error, not a wait', () => {
    const store = createVisualizerStore({ text: MICROGRAD });
    expect(store.getState().error).toMatchObject({ code: 'readerNotLoaded', line: 1 });
    setPythonReader(readPython);
    store.getState().retryData();
    expect(store.getState().error).toBeNull();
    expect(store.getState().compiled).not.toBeNull();
  });
});
