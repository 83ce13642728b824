import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_URL_PROGRAM, parseUrlState, serializeUrlState, type UrlState } from './url';

describe('parseUrlState', () => {
  it('reads every key of §3', () => {
    const { state, problems } = parseUrlState('?program=x%20%3D%201%0Af%20%3D%20x*x&step=end&lang=zh-CN&mode=present');
    expect(state).toEqual({ program: 'x = 1\nf = x*x', step: 'end', lang: 'zh-CN', mode: 'present' });
    expect(problems).toEqual([]);
    expect(parseUrlState('step=forward').state.step).toBe('forward');
    expect(parseUrlState('step=12').state.step).toBe(12);
  });

  it('ignores unknown keys silently and reports bad values without throwing', () => {
    const { state, problems } = parseUrlState('?foo=1&step=-3&lang=fr&mode=kiosk&program=%E0%A4%A');
    expect(state).toEqual({});
    expect(problems.map((p) => [p.key, p.reason])).toEqual([
      ['step', 'badValue'],
      ['lang', 'badValue'],
      ['mode', 'badValue'],
      ['program', 'badEncoding'],
    ]);
  });

  it('refuses a program longer than the limit, quickly', () => {
    const { state, problems } = parseUrlState(`program=${'x'.repeat(MAX_URL_PROGRAM + 1)}`);
    expect(state.program).toBeUndefined();
    expect(problems[0].reason).toBe('tooLong');
    expect(problems[0].value.length).toBeLessThan(100);
  });

  it('a plus sign is a space, as in form encoding', () => {
    expect(parseUrlState('program=x+%2B+1').state.program).toBe('x + 1');
  });
});

describe('serializeUrlState', () => {
  it('round-trips any state', () => {
    const stateArb: fc.Arbitrary<UrlState> = fc.record(
      {
        program: fc.string({ maxLength: 80 }),
        step: fc.oneof(fc.nat({ max: 100000 }), fc.constantFrom('end' as const, 'forward' as const)),
        lang: fc.constantFrom('en' as const, 'zh-CN' as const),
        mode: fc.constantFrom('present' as const, 'embed' as const),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(stateArb, (state) => {
        const query = serializeUrlState(state);
        expect(parseUrlState(query)).toEqual({ state, problems: [] });
      }),
    );
  });
});
