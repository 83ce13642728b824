import { describe, expect, it } from 'vitest';
import { tensorJson } from '../../engine/tensor/tensor';
import { createVisualizerStore } from '../../store/visualizer';
import { entryMarksKey, NO_MARKS, parseEntryMarks } from './entryMarks';
import { jsonOf } from './tensorFacts';

const AFFINE = 'X = [[1, 2, 3], [4, 5, 6]]\nW = [[0.5, -1], [2, 0.25], [-0.5, 1.5]]\nY = X @ W\nL = sum(Y * Y)';

describe('entryMarksKey', () => {
  it('is empty for every node while no entry is selected', () => {
    const store = createVisualizerStore({ text: AFFINE, step: 'end' });
    const s = store.getState();
    for (const node of s.compiled!.graph.nodes) expect(entryMarksKey(s, s.compiled!, node.index)).toBe('');
    expect(parseEntryMarks('')).toBe(NO_MARKS);
  });

  it('names the selected entry in its node and the cells it came from in the others', () => {
    const store = createVisualizerStore({ text: AFFINE, step: 'end' });
    const { graph } = store.getState().compiled!;
    const [X, W, Y] = ['X', 'W', 'Y'].map((l) => graph.nodes.findIndex((n) => n.label === l));
    store.getState().selectEntry({ node: W, element: 1 });
    const s = store.getState();
    expect(s.selected).toBe(W);
    expect(parseEntryMarks(entryMarksKey(s, s.compiled!, W))).toEqual({ selected: 1, value: [], grad: [] });
    expect(parseEntryMarks(entryMarksKey(s, s.compiled!, Y))).toEqual({ selected: -1, value: [], grad: [1, 3] });
    expect(parseEntryMarks(entryMarksKey(s, s.compiled!, X))).toEqual({ selected: -1, value: [0, 3], grad: [] });
    // A drawing of another program (an older graph, still on screen while the new one is laid out) marks nothing.
    const other = createVisualizerStore({ text: AFFINE }).getState().compiled!;
    expect(entryMarksKey(s, other, X)).toBe('');
  });
});

describe('jsonOf', () => {
  it('is tensorJson, non-finite numbers included', () => {
    const finite = { shape: [2, 2], data: Float64Array.of(1, -0.5, 0, 1e-7) };
    const odd = { shape: [3], data: Float64Array.of(NaN, Infinity, -Infinity) };
    expect(jsonOf(finite)).toBe(tensorJson(finite));
    expect(jsonOf(odd)).toBe(tensorJson(odd));
    expect(jsonOf(odd)).toBe('["NaN","Infinity","-Infinity"]');
  });
});
