import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { program } from '../engine/testPrograms';
import { createVisualizerStore } from '../store/visualizer';
import { edgeVisualKey, nodeVisualKey } from './nodeVisual';
import { createStepChannel } from './stepChannel';

describe('createStepChannel', () => {
  it('wakes only the nodes and edges whose look changed, with the new look', () => {
    const store = createVisualizerStore({ text: 'x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z' });
    const compiled = store.getState().compiled;
    if (!compiled) throw new Error('expected a graph');
    const nodes = compiled.graph.nodes.map((n) => n.index);
    const edges = compiled.graph.edges.map((e) => e.index);
    const channel = createStepChannel(store, compiled, nodes, edges);
    const woken: string[] = [];
    for (const i of nodes) channel.subscribe(`n${i}`, () => woken.push(`n${i}`));
    for (const i of edges) channel.subscribe(`e${i}`, () => woken.push(`e${i}`));
    const stop = channel.connect();
    store.getState().goTo(1); // q = x + y is computed: q changes role and value, x and y become operands
    expect(woken.sort()).toEqual(['e0', 'e1', 'n0', 'n1', 'n3'].sort());
    expect(channel.get('n3')).toBe(nodeVisualKey(compiled, 3, 1));
    woken.length = 0;
    store.getState().setIntervalMs(300); // not a step change: nothing wakes
    expect(woken).toEqual([]);
    stop();
    store.getState().goTo(2);
    expect(woken).toEqual([]);
  });

  it('tells a change listener every key whose look changed, once per step, and nothing after it stops', () => {
    const store = createVisualizerStore({ text: 'x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z' });
    const compiled = store.getState().compiled!;
    const channel = createStepChannel(store, compiled, compiled.graph.nodes.map((n) => n.index), compiled.graph.edges.map((e) => e.index));
    const batches: string[][] = [];
    const unsubscribe = channel.subscribeChanges((keys) => batches.push([...keys].sort()));
    const stop = channel.connect();
    store.getState().goTo(1);
    expect(batches).toEqual([['e0', 'e1', 'n0', 'n1', 'n3']]);
    store.getState().setIntervalMs(300);
    expect(batches).toHaveLength(1);
    unsubscribe();
    store.getState().goTo(2);
    expect(batches).toHaveLength(1);
    stop();
  });

  it('after any walk of steps (single steps, short and long jumps) every look equals one computed afresh', () => {
    fc.assert(
      fc.property(program, fc.array(fc.oneof(fc.constantFrom(1, -1, 2, -3), fc.integer({ min: -200, max: 200 })), { maxLength: 40 }), (text, moves) => {
        const store = createVisualizerStore({ text });
        const compiled = store.getState().compiled;
        if (!compiled) return;
        const nodes = compiled.graph.nodes.map((n) => n.index);
        const edges = compiled.graph.edges.map((e) => e.index);
        const channel = createStepChannel(store, compiled, nodes, edges);
        const stop = channel.connect();
        for (const move of moves) {
          store.getState().goTo(Math.max(0, Math.min(compiled.trace.end, store.getState().step + move)));
          const step = store.getState().step;
          for (const i of nodes) expect(channel.get(`n${i}`), `node ${i} at step ${step}`).toBe(nodeVisualKey(compiled, i, step));
          for (const i of edges) expect(channel.get(`e${i}`), `edge ${i} at step ${step}`).toBe(edgeVisualKey(compiled, i, step));
        }
        stop();
      }),
      { numRuns: 150 },
    );
  });

  it('keeps showing the graph it was made for, as it was, after the store moves on to a new program', () => {
    const store = createVisualizerStore({ text: 'x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z', step: 'end' });
    const compiled = store.getState().compiled!;
    const nodes = compiled.graph.nodes.map((n) => n.index);
    const edges = compiled.graph.edges.map((e) => e.index);
    const channel = createStepChannel(store, compiled, nodes, edges);
    const stop = channel.connect();
    const before = nodes.map((i) => channel.get(`n${i}`));
    expect(before).toEqual(nodes.map((i) => nodeVisualKey(compiled, i, compiled.trace.end)));
    store.getState().setText('a = 0.25\nb = -0.99\nc = a * b * a * b * a');
    expect(store.getState().compiled).not.toBe(compiled);
    store.getState().goTo(1);
    expect(nodes.map((i) => channel.get(`n${i}`))).toEqual(nodes.map((i) => nodeVisualKey(compiled, i, 1)));
    stop();
  });
});
