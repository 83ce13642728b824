// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMPOSITE_SETTLE_MS, createEdgeCompositor } from './edgeCompositor';

describe('edge compositor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  const composited = (el: Element) => el.hasAttribute('data-composite');
  /** A compositor on a fresh element, enabled. */
  const enabled = () => {
    const root = document.createElement('div');
    const c = createEdgeCompositor(root);
    c.setEnabled(true);
    return { root, c };
  };

  it('composites while enabled, and not once disabled', () => {
    const root = document.createElement('div');
    const c = createEdgeCompositor(root);
    expect(composited(root)).toBe(false);
    c.setEnabled(true);
    expect(composited(root)).toBe(true);
    c.setEnabled(false);
    expect(composited(root)).toBe(false);
  });

  it('a change of scale takes the layers away until the view rests; a pan does not', () => {
    const { root, c } = enabled();
    c.viewed(0.1);
    c.viewed(0.1); // a pan at the same scale
    expect(composited(root)).toBe(true);
    c.viewed(0.12);
    expect(composited(root)).toBe(false);
    vi.advanceTimersByTime(COMPOSITE_SETTLE_MS - 50);
    c.viewed(0.15); // still zooming: the wait starts again
    vi.advanceTimersByTime(COMPOSITE_SETTLE_MS - 50);
    expect(composited(root)).toBe(false);
    // Enabling again meanwhile (a re-render) does not cut the wait short.
    c.setEnabled(true);
    expect(composited(root)).toBe(false);
    vi.advanceTimersByTime(60);
    expect(composited(root)).toBe(true);
  });

  it('a zoom into the detail view ends it: the settled view does not bring the layers back', () => {
    const { root, c } = enabled();
    c.viewed(0.3);
    c.viewed(0.7);
    c.setEnabled(false);
    vi.advanceTimersByTime(COMPOSITE_SETTLE_MS * 2);
    expect(composited(root)).toBe(false);
    c.setEnabled(true);
    c.destroy();
    expect(composited(root)).toBe(false);
  });
});
