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

  it('sends non-finite numbers as null so the message survives JSON', () => {
    const compiled = compile('x = 0\nf = log(x)');
    const msg = stateMessage(compiled, compiled.trace.end);
    if (msg.type !== 'state') throw new Error('expected a state message');
    expect(msg.nodes[1].value).toBeNull();
  });
});
