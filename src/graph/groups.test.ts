import { describe, expect, it } from 'vitest';
import { compile, networkProgram } from '../engine';
import { collapsedModel, toDrawModel } from './drawModel';
import { findGroups } from './groups';
import { layoutGraph } from './layout';

const NET = compile(
  networkProgram({ inputs: 2, layers: [{ width: 2, activation: 'tanh' }, { width: 3, activation: 'identity' }], loss: 'softmax-ce', batch: 1, seed: 3 }),
);

describe('findGroups', () => {
  it('finds one group per neuron and one softmax block', () => {
    const groups = findGroups(NET.graph);
    expect(groups.filter((g) => g.kind === 'neuron').map((g) => g.label)).toEqual(['z1_1', 'z1_2', 'z2_1', 'z2_2', 'z2_3']);
    const softmax = groups.find((g) => g.kind === 'softmax');
    expect(softmax?.label).toBe('L');
    expect(NET.graph.nodes[softmax?.output ?? -1].label).toBe('L');
    // A hidden neuron shows its activation; members are disjoint.
    const h = groups.find((g) => g.label === 'z1_1');
    expect(NET.graph.nodes[h?.output ?? -1].label).toBe('a1_1');
    const all = groups.flatMap((g) => g.members);
    expect(new Set(all).size).toBe(all.length);
  });

  it('finds nothing in a program without builder names', () => {
    expect(findGroups(compile('x = 1\nf = x * x').graph)).toEqual([]);
  });
});

describe('collapsedModel', () => {
  it('draws each group as one node, keeps edges that cross group borders and lays out', () => {
    const groups = findGroups(NET.graph);
    const full = toDrawModel(NET.graph);
    const model = collapsedModel(NET.graph, groups);
    expect(model.nodes.length).toBeLessThan(full.nodes.length);
    expect(model.nodes.filter((n) => n.group).length).toBe(groups.length);
    for (const [k, [from, to]] of model.edges.entries()) {
      const edge = NET.graph.edges[model.edgeIds[k]];
      expect(from).not.toBe(to);
      expect(model.nodes[from]).toBeDefined();
      expect(model.nodes[to]).toBeDefined();
      expect(edge).toBeDefined();
    }
    const layout = layoutGraph(model);
    expect(layout.nodes).toHaveLength(model.nodes.length);
    expect(layout.edges).toHaveLength(model.edges.length);
  });

  it('with no groups it is the full model', () => {
    expect(collapsedModel(NET.graph, [])).toEqual(toDrawModel(NET.graph));
  });
});
