import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createVisualizerStore, queryFor } from './visualizer';

const CIRCUIT = 'x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z';

describe('visualizer store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a bad program keeps the last good graph and the typed text', () => {
    const store = createVisualizerStore({ text: CIRCUIT, step: 'end' });
    const good = store.getState().compiled;
    store.getState().setText(`${CIRCUIT} +`);
    expect(store.getState().text).toBe(`${CIRCUIT} +`);
    expect(store.getState().error?.line).toBe(5);
    expect(store.getState().compiled).toBe(good);
    expect(store.getState().step).toBe(8);
  });

  it('steps are clamped and next stops playing at the end', () => {
    const store = createVisualizerStore({ text: CIRCUIT, step: 99 });
    expect(store.getState().step).toBe(8);
    store.getState().setPlaying(true);
    expect(store.getState().step).toBe(0); // play from the end starts again
    store.getState().goTo('end');
    store.getState().next();
    expect(store.getState().playing).toBe(false);
    store.getState().goTo('forward');
    expect(store.getState().step).toBe(2);
  });

  it('a step key costs one store update: stopping playback that is not running notifies nobody', () => {
    const store = createVisualizerStore({ text: CIRCUIT });
    let updates = 0;
    store.subscribe(() => updates++);
    store.getState().setPlaying(false);
    expect(updates).toBe(0);
    store.getState().setPlaying(true);
    store.getState().setPlaying(false);
    expect(updates).toBe(2);
  });

  it('undo and redo walk the edit history; typing in one burst is one step', () => {
    const store = createVisualizerStore({ text: 'x = 1' });
    const s = () => store.getState();
    vi.setSystemTime(1_000_000);
    s().setText('x = 12');
    vi.setSystemTime(1_000_100);
    s().setText('x = 123');
    vi.setSystemTime(1_005_000);
    s().setText('x = 5\nf = x * x');
    expect(s().past).toEqual(['x = 1', 'x = 123']);
    s().undo();
    expect(s().text).toBe('x = 123');
    s().undo();
    expect(s().text).toBe('x = 1');
    s().undo();
    expect(s().text).toBe('x = 1');
    s().redo();
    s().redo();
    expect(s().text).toBe('x = 5\nf = x * x');
    expect(s().compiled?.graph.nodes).toHaveLength(2);
  });

  it('a new program clears the selection and the practice answers but keeps the step', () => {
    const store = createVisualizerStore({ text: CIRCUIT, step: 6 });
    const s = () => store.getState();
    s().select(2);
    s().submitAnswer(6, [{ local: true, sent: true }]);
    s().setText(CIRCUIT.replace('x = -2', 'x = -3'));
    expect(s().selected).toBeNull();
    expect(s().answers).toEqual({});
    expect(s().step).toBe(6);
    s().select(1);
    s().setText(`${CIRCUIT} *`); // does not compile: nothing about the graph changes
    expect(s().selected).toBe(1);
  });

  it('practice holds next and last at an unanswered backward step, and stops playback', () => {
    const store = createVisualizerStore({ text: CIRCUIT, step: 'forward' });
    const s = () => store.getState();
    s().setPlaying(true);
    s().setPractice(true);
    expect(s().playing).toBe(false);
    s().next(); // the seed step is not a quiz
    expect(s().step).toBe(3);
    s().next(); // the first backward step waits for its answer
    expect(s().step).toBe(3);
    s().last();
    expect(s().step).toBe(3);
    s().submitAnswer(4, [{ local: true, sent: true }]);
    s().next();
    expect(s().step).toBe(4);
  });

  it('blanking the screen stops playback; un-blanking does not restart it', () => {
    const store = createVisualizerStore({ text: CIRCUIT });
    const s = () => store.getState();
    s().setPlaying(true);
    s().toggleBlank();
    expect(s()).toMatchObject({ blank: true, playing: false });
    s().toggleBlank();
    expect(s()).toMatchObject({ blank: false, playing: false });
  });

  it('queryFor writes the state as a link, end as "end"', () => {
    const store = createVisualizerStore({ text: 'x = 3\nf = x * x', step: 'end', locale: 'zh-CN' });
    expect(queryFor(store.getState())).toBe('?program=x%20%3D%203%0Af%20%3D%20x%20*%20x&step=end&lang=zh-CN');
    expect(queryFor(store.getState(), 'embed')).toContain('&mode=embed');
  });
});
