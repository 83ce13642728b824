// Printing and export need the graph drawn in SVG, with every node's classes
// for its step (the overview canvas leaves them out): GraphView registers how
// to switch the canvas off, synchronously, and back on.

type Switch = (svg: boolean) => void;

let current: Switch | null = null;

/** GraphView's switch (one graph on a page); returns the unregister. */
export function registerSvgDrawing(fn: Switch): () => void {
  current = fn;
  return () => {
    if (current === fn) current = null;
  };
}

/** Turns the canvas off until `leaveSvgDrawing` (printing: between beforeprint and afterprint). */
export const enterSvgDrawing = (): void => current?.(true);
export const leaveSvgDrawing = (): void => current?.(false);

/** Runs `fn` with the graph drawn in SVG (an export), then back as it was. */
export function withSvgDrawing<T>(fn: () => T): T {
  enterSvgDrawing();
  try {
    return fn();
  } finally {
    leaveSvgDrawing();
  }
}
