import { describe, expect, it } from 'vitest';
import { compile } from '../engine';
import { edgeVisualKey, nodeVisualKey, parseNodeVisual, parseTensorVisual } from './nodeVisual';

const BRANCHED = compile('x = 3\na = x * 2\nb = x + 1\nf = a * b');
const x = 0;

describe('nodeVisualKey', () => {
  it('shows a value from the start for inputs and from its forward step for computed nodes', () => {
    expect(parseNodeVisual(nodeVisualKey(BRANCHED, x, 0)).value).toBe(3);
    const a = BRANCHED.graph.nodes.findIndex((n) => n.label === 'a');
    expect(parseNodeVisual(nodeVisualKey(BRANCHED, a, 0)).value).toBeUndefined();
    expect(parseNodeVisual(nodeVisualKey(BRANCHED, a, 1))).toEqual({ value: 6, grad: undefined, final: false, role: 'compute' });
  });

  it('marks a branched node partial after one contribution and final after both', () => {
    expect(parseNodeVisual(nodeVisualKey(BRANCHED, x, 6))).toEqual({ value: 3, grad: 6, final: false, role: 'receive' });
    expect(parseNodeVisual(nodeVisualKey(BRANCHED, x, 7))).toEqual({ value: 3, grad: 6, final: false, role: '' });
    expect(parseNodeVisual(nodeVisualKey(BRANCHED, x, 8))).toEqual({ value: 3, grad: 14, final: true, role: 'receive' });
  });

  it('keeps NaN and infinities through the key', () => {
    const bad = compile('x = 0\nf = log(x)');
    expect(parseNodeVisual(nodeVisualKey(bad, 1, bad.trace.end)).value).toBe(-Infinity);
    const nan = compile('x = -1\nf = sqrt(x)');
    expect(parseNodeVisual(nodeVisualKey(nan, 1, nan.trace.end)).value).toBeNaN();
  });
});

describe('edgeVisualKey', () => {
  it('labels an edge with its contribution from the step its consumer is visited', () => {
    const g = BRANCHED.graph;
    const b = g.nodes.findIndex((n) => n.label === 'b');
    const edge = g.edges.findIndex((e) => e.from === x && e.to === b);
    expect(edgeVisualKey(BRANCHED, edge, 2)).toBe('forward|');
    expect(edgeVisualKey(BRANCHED, edge, 5)).toBe('|');
    expect(edgeVisualKey(BRANCHED, edge, 6)).toBe('backward|6');
    expect(edgeVisualKey(BRANCHED, edge, 9)).toBe('carried|6');
  });
});

describe('tensor look keys', () => {
  const AFFINE = compile('X = [[1, 2, 3], [4, 5, 6]]\nW = [[0.5, -1], [2, 0.25], [-0.5, 1.5]]\nY = X @ W\nS = Y * 2\nL = sum(Y * S)');
  const Y = AFFINE.graph.nodes.findIndex((n) => n.label === 'Y');

  it('name the gradient entry shown, never the numbers, and follow partial then final', () => {
    const { trace } = AFFINE;
    const keys = trace.steps.map((_, step) => nodeVisualKey(AFFINE, Y, step));
    for (const key of keys) expect(key.length).toBeLessThan(24);
    // Y is shown from its forward step, receives two contributions (from S's × 2 and from the product).
    expect(parseTensorVisual(keys[0])).toEqual({ shown: false, gradIndex: -1, final: false, role: '' });
    expect(parseTensorVisual(keys[trace.valueStep[Y]])).toMatchObject({ shown: true, gradIndex: -1, role: 'compute' });
    const [first, second] = trace.gradSteps[Y];
    expect(parseTensorVisual(keys[first])).toMatchObject({ gradIndex: 0, final: false });
    expect(parseTensorVisual(keys[second])).toMatchObject({ gradIndex: 1, final: true });
    // The entry indexes the trace's gradient tensors: the last is the final gradient.
    expect(trace.gradTensors[Y][1]).toBe(trace.finalGrads[Y]);
    // After its last change (and its role there), the key stays the same to the end: nothing to redraw.
    const settled = Math.max(second, trace.visitStep[Y]) + 1;
    expect(new Set(keys.slice(settled + 1)).size).toBe(1);
  });

  it('label an edge that carried a tensor with its shape, and one that carried a number with the number', () => {
    const edge = AFFINE.graph.edges.findIndex((e) => e.from === AFFINE.graph.nodes.findIndex((n) => n.label === 'X'));
    expect(edgeVisualKey(AFFINE, edge, AFFINE.trace.end)).toBe('carried|#2×3');
    expect(edgeVisualKey(BRANCHED, 0, BRANCHED.trace.end)).toMatch(/^carried\|\d/);
  });
});
