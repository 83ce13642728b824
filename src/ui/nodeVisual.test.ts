import { describe, expect, it } from 'vitest';
import { compile } from '../engine';
import { edgeVisualKey, nodeVisualKey, parseNodeVisual } from './nodeVisual';

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
