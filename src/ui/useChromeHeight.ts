// The height of the page's fixed chrome (header and footer) as the CSS variable
// --chrome-h on `target`, kept current by a ResizeObserver. The phone layout
// sizes the graph from it so that header, graph and step buttons share the
// first screen. Set on the element directly: a resize re-renders nothing.
import { useLayoutEffect, type RefObject } from 'react';

export function useChromeHeight(target: RefObject<HTMLElement | null>, parts: readonly RefObject<HTMLElement | null>[]): void {
  useLayoutEffect(() => {
    const element = target.current;
    if (!element) return;
    const measure = () => {
      const total = parts.reduce((sum, part) => sum + (part.current?.getBoundingClientRect().height ?? 0), 0);
      element.style.setProperty('--chrome-h', `${Math.round(total)}px`);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    for (const part of parts) if (part.current) observer.observe(part.current);
    return () => observer.disconnect();
    // The refs are stable; which elements they hold is read when measuring.
  }, [target, ...parts]);
}
