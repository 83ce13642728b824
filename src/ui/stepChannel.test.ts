import { describe, expect, it } from 'vitest';
import { createVisualizerStore } from '../store/visualizer';
import { nodeVisualKey } from './nodeVisual';
import { createStepChannel } from './stepChannel';

describe('createStepChannel', () => {
  it('wakes only the nodes and edges whose look changed, with the new look', () => {
    const store = createVisualizerStore({ text: 'x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z' });
    const compiled = store.getState().compiled;
    if (!compiled) throw new Error('expected a graph');
    const nodes = compiled.graph.nodes.map((n) => n.index);
    const edges = compiled.graph.edges.map((e) => e.index);
    const channel = createStepChannel(store, nodes, edges);
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
});
