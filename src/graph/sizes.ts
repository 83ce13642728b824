// Node sizes and gaps of the drawing, in SVG units (the graph is then fitted to the window).

/** Inputs, constants: name, value and gradient on three lines. */
export const VALUE_NODE = { width: 100, height: 62 } as const;
/** Operations: symbol, value and gradient. */
export const OP_NODE = { width: 78, height: 62 } as const;
/** Space between layers (left to right): room for the number an edge carries. */
export const LAYER_GAP = 64;
/** Space between nodes of one layer (top to bottom). */
export const NODE_GAP = 22;
/** Vertical spread between parallel edges (`x * x` draws two). */
export const PARALLEL_EDGE_OFFSET = 12;
/** Margin around the whole drawing. */
export const MARGIN = 8;
