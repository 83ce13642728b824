// The edge groups of a big graph's overview as compositor layers of their own.
// In an overview a step recolours a few long edges, and the raster of the
// tiles under them replayed every edge there: 4–6 ms a step for the network
// builder's 2,000 edges. With the edges in a few layers of their own
// (GraphLayers' edge groups), it replays only the changed group's. A
// composited layer keeps the scale it was rastered at, though, so a zoom
// would blur it: a zoom takes the layers away, and they come back, rastered at
// the new scale, once the view has rested for `settleMs`.

export const COMPOSITE_SETTLE_MS = 300;

export interface EdgeCompositor {
  /** Whether the edges should be composited at all (a big graph's overview). */
  setEnabled: (enabled: boolean) => void;
  /** The view's scale is now `k` (each zoom or pan event). */
  viewed: (k: number) => void;
  destroy: () => void;
}

/** Sets `data-composite` on `root` (styles.css gives the edge groups `will-change: transform` under it). */
export function createEdgeCompositor(root: Element, settleMs = COMPOSITE_SETTLE_MS): EdgeCompositor {
  let enabled = false;
  let lastK: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const show = (on: boolean) => (on ? root.setAttribute('data-composite', '') : root.removeAttribute('data-composite'));
  return {
    setEnabled(on) {
      enabled = on;
      // While a zoom settles, the timer turns the layers on.
      if (!on) {
        settle();
        show(false);
      } else if (timer === undefined) show(true);
    },
    viewed(k) {
      const rescaled = lastK !== null && k !== lastK;
      lastK = k;
      if (!rescaled) return;
      show(false);
      settle();
      timer = setTimeout(() => {
        timer = undefined;
        if (enabled) show(true);
      }, settleMs);
    },
    destroy() {
      settle();
      show(false);
    },
  };
}
