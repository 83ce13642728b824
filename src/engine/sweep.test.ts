import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from './index';
import { backwardSweep, forwardSweep } from './sweep';
import { tensorProgram } from './testTensorPrograms';
import type { Tensor } from './tensor/tensor';

const bits = (ts: readonly Tensor[]) => ts.map((t) => Array.from(t.data).map((v) => (Object.is(v, -0) ? '-0' : String(v))));

describe('the backward sweep', () => {
  it('sums in place without a listener and gives the same bits as with one, leaving the forward values alone', () => {
    fc.assert(
      fc.property(tensorProgram, ({ text }) => {
        const { graph } = compile(text);
        const values = forwardSweep(graph);
        const before = bits(values);
        const sent: Tensor[] = [];
        const listened = backwardSweep(graph, values, { onSend: (_node, _slot, s) => sent.push(s.amount) });
        const sentBits = bits(sent);
        const quiet = backwardSweep(graph, values);
        expect(bits(quiet)).toEqual(bits(listened));
        expect(bits(values)).toEqual(before);
        // What the listener was shown is not changed afterwards.
        expect(bits(sent)).toEqual(sentBits);
      }),
      { numRuns: 300 },
    );
  });

  it('turns a first contribution of −0 into 0, as summing onto zeros does', () => {
    const { graph } = compile('param x = 0\nf = -0 * x');
    const grads = backwardSweep(graph, forwardSweep(graph));
    const x = graph.nodes.find((n) => n.label === 'x');
    expect(Object.is(grads[x?.index ?? -1].data[0], 0)).toBe(true);
  });
});
