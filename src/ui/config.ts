// Visual constants in one place. Colours are from the Okabe–Ito palette, which
// stays distinguishable for the common forms of colour blindness.
export const COLORS = {
  value: '#0072B2', // blue: forward values
  grad: '#D55E00', // vermillion: final gradients
  partial: '#E69F00', // orange: a gradient still being summed
  current: '#009E73', // bluish green: the node being visited
  edge: '#8a8f98',
  nonFinite: '#CC79A7', // reddish purple: ∞ and NaN
} as const;

/** Above this many nodes, edge labels are hidden and node labels only show when zoomed in. */
export const DETAIL_NODE_LIMIT = 300;

/** Graphs above this many nodes are not drawn (layout would take too long); everything else still works. */
export const MAX_DRAW_NODES = 3000;

/** Playback speeds, in milliseconds per step. */
export const SPEEDS_MS = [1600, 900, 450, 200] as const;

/**
 * Grids of numbers in tensor nodes: their font size in SVG units (styles.css,
 * .cell-text) and the smallest size on screen worth drawing as digits. Zoomed out
 * further, a grid shows its numbers' colours on the heatmap scale instead (hover
 * or focus still gives each number), and its digits come back on zooming in.
 */
export const TENSOR_GRID = { fontPx: 13, minNumberPx: 5.5 } as const;
