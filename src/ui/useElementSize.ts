// The pixel size of an element, kept current by a ResizeObserver.
//
// The graph's <svg> is given this size in pixels rather than 100%: Chromium
// lays out every child of a percentage-sized <svg> again whenever the page
// around it is laid out (a new step counter, a new formula in the panel), and
// the SVG text of a few hundred nodes made that ~10 ms of every step.
import { useLayoutEffect, useState, type RefObject } from 'react';

export interface Size {
  width: number;
  height: number;
}

export function useElementSize(ref: RefObject<HTMLElement | null>): Size | null {
  const [size, setSize] = useState<Size | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const { width, height } = element.getBoundingClientRect();
      setSize((old) => (width <= 0 || height <= 0 ? null : old && old.width === width && old.height === height ? old : { width, height }));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
