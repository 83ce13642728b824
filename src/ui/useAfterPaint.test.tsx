// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAfterPaint } from './useAfterPaint';

describe('useAfterPaint', () => {
  afterEach(() => vi.useRealTimers());

  it('shows a new value only after two frames (the change painted and shown) and a task after them', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    const { result, rerender } = renderHook(({ v }) => useAfterPaint(v), { initialProps: { v: 1 } });
    expect(result.current).toBe(1);
    rerender({ v: 2 });
    expect(result.current).toBe(1);
    act(() => vi.advanceTimersToNextFrame());
    expect(result.current).toBe(1); // the frame itself still paints the old value
    act(() => vi.advanceTimersToNextFrame());
    expect(result.current).toBe(1);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(2);
  });

  it('with settleMs, waits after the two frames until settleMs after the change', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    const { result, rerender } = renderHook(({ v }) => useAfterPaint(v, 0, 50), { initialProps: { v: 1 } });
    rerender({ v: 2 });
    act(() => vi.advanceTimersToNextFrame());
    act(() => vi.advanceTimersToNextFrame());
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(1); // about 33 ms after the change: two frames, not yet 50 ms
    act(() => vi.advanceTimersByTime(10));
    expect(result.current).toBe(1);
    act(() => vi.advanceTimersByTime(10));
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
      vi.advanceTimersToNextFrame();
      vi.advanceTimersByTime(1);
    });
    expect(seen.includes(2)).toBe(false);
    expect(seen.at(-1)).toBe(3);
  });

  it('in a burst of changes closer than quietMs, shows only the last one, once the burst stops', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    const seen: number[] = [];
    const { rerender } = renderHook(({ v }) => seen.push(useAfterPaint(v, 100)), { initialProps: { v: 0 } });
    rerender({ v: 1 }); // the first change after a pause is shown after the next paint
    act(() => vi.advanceTimersByTime(40));
    expect(seen.at(-1)).toBe(1);
    for (let v = 2; v <= 6; v++) {
      rerender({ v });
      act(() => vi.advanceTimersByTime(40)); // 40 ms apart: a burst
    }
    expect(seen.slice(seen.indexOf(1) + 1).filter((x) => x > 1)).toEqual([]);
    act(() => vi.advanceTimersByTime(200));
    expect(seen.at(-1)).toBe(6);
    expect(seen.filter((x) => x > 1 && x < 6)).toEqual([]);
  });
});
