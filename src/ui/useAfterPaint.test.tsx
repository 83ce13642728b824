// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAfterPaint } from './useAfterPaint';

describe('useAfterPaint', () => {
  afterEach(() => vi.useRealTimers());

  it('shows a new value only after the next frame and a task after it', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    const { result, rerender } = renderHook(({ v }) => useAfterPaint(v), { initialProps: { v: 1 } });
    expect(result.current).toBe(1);
    rerender({ v: 2 });
    expect(result.current).toBe(1);
    act(() => vi.advanceTimersToNextFrame());
    expect(result.current).toBe(1); // the frame itself still paints the old value
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(2);
  });

  it('skips values that were replaced before they were shown', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    const seen: number[] = [];
    const { rerender } = renderHook(({ v }) => seen.push(useAfterPaint(v)), { initialProps: { v: 1 } });
    rerender({ v: 2 });
    rerender({ v: 3 });
    act(() => {
      vi.advanceTimersToNextFrame();
      vi.advanceTimersByTime(1);
    });
    expect(seen.includes(2)).toBe(false);
    expect(seen.at(-1)).toBe(3);
  });
});
