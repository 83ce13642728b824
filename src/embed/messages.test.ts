import { describe, expect, it } from 'vitest';
import { compile } from '../engine';
import { parseIncoming, stateMessage } from './messages';

describe('parseIncoming', () => {
  it('accepts the three parent messages of §6', () => {
    expect(parseIncoming({ source: 'chainstep', type: 'setProgram', program: 'x = 1' })).toEqual({
      source: 'chainstep',
      type: 'setProgram',
      program: 'x = 1',
    });
    expect(parseIncoming({ source: 'chainstep', type: 'goToStep', step: 3 })).toMatchObject({ step: 3 });
    expect(parseIncoming({ source: 'chainstep', type: 'goToStep', step: 'end' })).toMatchObject({ step: 'end' });
    expect(parseIncoming({ source: 'chainstep', type: 'getState' })).toMatchObject({ type: 'getState' });
  });

  it('ignores anything of another shape', () => {
    const bad: unknown[] = [
      null,
      'chainstep',
      [],
      { type: 'getState' },
      { source: 'other', type: 'getState' },
      { source: 'chainstep', type: 'eval', code: 'alert(1)' },
      { source: 'chainstep', type: 'setProgram', program: 42 },
      { source: 'chainstep', type: 'setProgram', program: 'x'.repeat(200_001) },
      { source: 'chainstep', type: 'goToStep', step: 'forward' },
      { source: 'chainstep', type: 'goToStep', step: Number.NaN },
      { source: 'chainstep', type: 'goToStep', step: '3' },
    ];
    for (const data of bad) expect(parseIncoming(data)).toBeNull();
  });
});

describe('stateMessage', () => {
  it('reports every node with its value and gradient at the step', () => {
    const compiled = compile('x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z');
    const end = stateMessage(compiled, compiled.trace.end);
    expect(end).toMatchObject({ type: 'state', step: 8, phase: 'end' });
    if (end.type !== 'state') throw new Error('expected a state message');
    expect(end.nodes.find((n) => n.id === 'x')).toEqual({ id: 'x', label: 'x', op: 'input', value: -2, grad: -4 });
    const start = stateMessage(compiled, 0);
    if (start.type !== 'state') throw new Error('expected a state message');
    expect(start.phase).toBe('start');
    expect(start.nodes.find((n) => n.id === 'q')).toMatchObject({ value: null, grad: null });
  });

  it('a vector or matrix node carries its shape and nested arrays, once they are shown', () => {
    const compiled = compile('X = [[1, 2], [3, 4]]\nw = [0.5, -1]\ny = X @ w\nL = sum(y * y)');
    const at = (step: number) => {
      const msg = stateMessage(compiled, step);
      if (msg.type !== 'state') throw new Error('expected a state message');
      return msg.nodes;
    };
    const start = at(0);
    expect(start.find((n) => n.id === 'X')).toEqual({ id: 'X', label: 'X', op: 'input', shape: [2, 2], value: [[1, 2], [3, 4]], grad: null });
    expect(start.find((n) => n.id === 'y')).toEqual({ id: 'y', label: 'y', op: 'matmul', shape: [2], value: null, grad: null });
    const end = at(compiled.trace.end);
    // y = [−1.5, −2.5]; ∂L/∂y = 2y; ∂L/∂w = Xᵀ·2y = [−3 − 15, −6 − 20]; ∂L/∂X = 2y·wᵀ.
    expect(end.find((n) => n.id === 'y')).toMatchObject({ shape: [2], value: [-1.5, -2.5], grad: [-3, -5] });
    expect(end.find((n) => n.id === 'w')?.grad).toEqual([-18, -26]);
    expect(end.find((n) => n.id === 'X')?.grad).toEqual([
      [-1.5, 3],
      [-2.5, 5],
    ]);
    // A number node has no shape, as before.
    expect(end.find((n) => n.id === 'L')).toEqual({ id: 'L', label: 'L', op: 'sum', value: 8.5, grad: 1 });
    // The message survives JSON unchanged.
    expect(JSON.parse(JSON.stringify(end))).toEqual(end);
  });

  it('writes ∞ and NaN inside a tensor as the strings of §7', () => {
    const compiled = compile('v = [0, 1]\nL = sum(log(v) * [0, 1])');
    const msg = stateMessage(compiled, compiled.trace.end);
    if (msg.type !== 'state') throw new Error('expected a state message');
    const logNode = msg.nodes.find((n) => n.op === 'log');
    expect(logNode?.value).toEqual(['-Infinity', 0]);
    expect(msg.nodes.find((n) => n.id === 'v')?.grad).toEqual(['NaN', 1]);
  });

  it('sends non-finite numbers as null so the message survives JSON', () => {
    const compiled = compile('x = 0\nf = log(x)');
    const msg = stateMessage(compiled, compiled.trace.end);
    if (msg.type !== 'state') throw new Error('expected a state message');
    expect(msg.nodes[1].value).toBeNull();
  });
});
