import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { cachedRenderTex, renderTex, TEX_CACHE_SIZE } from './Formula';
import type { Katex } from './katexLoader';

/** KaTeX that counts how often it typesets. */
function counting(): { katex: Katex; calls: () => number } {
  let calls = 0;
  const fake = {
    renderToString: (tex: string) => {
      calls++;
      return `<b>${tex}</b>`;
    },
  } as unknown as Katex;
  return { katex: fake, calls: () => calls };
}

describe('cachedRenderTex', () => {
  it('gives what renderTex gives, for display and inline formulas and for TeX that fails', () => {
    for (const [tex, display] of [['\\frac{\\partial L}{\\partial x} = -4', true], ['x^2', false], ['\\frac{', true]] as const) {
      expect(cachedRenderTex(katex, tex, display)).toBe(renderTex(katex, tex, display));
    }
    expect(cachedRenderTex(katex, '\\frac{', true)).toBeNull();
    expect(cachedRenderTex(katex, 'x', true)).not.toBe(cachedRenderTex(katex, 'x', false));
  });

  it('typesets a formula seen again only once, and forgets the least recently used past its size', () => {
    const { katex: k, calls } = counting();
    const first = cachedRenderTex(k, 'cache-a', true);
    expect(cachedRenderTex(k, 'cache-a', true)).toBe(first);
    expect(calls()).toBe(1);
    for (let i = 0; i < TEX_CACHE_SIZE; i++) {
      cachedRenderTex(k, `fill-${i}`, true);
      if (i === TEX_CACHE_SIZE - 3) cachedRenderTex(k, 'cache-a', true); // used again: kept
    }
    const before = calls();
    cachedRenderTex(k, 'cache-a', true);
    cachedRenderTex(k, 'fill-1', true);
    expect(calls()).toBe(before);
    cachedRenderTex(k, 'fill-0', true); // the oldest, pushed out
    expect(calls()).toBe(before + 1);
  });
});
