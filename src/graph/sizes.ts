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

/** The gate chip a named computed node shows left of its name: height, and margin from the box's corner. */
export const GATE_CHIP = { height: 19, inset: 5 } as const;

/**
 * A generous estimate of the width of a name drawn at `fontPx` (bold sans,
 * about 0.62 em a character; sub- and superscripts at their smaller size),
 * used to squeeze a name that would not fit into its node.
 */
export function estimateNameWidth(name: { base: string; sup: string | null; sub: string | null }, fontPx: number): number {
  const chars = (text: string | null) => (text === null ? 0 : [...text].length);
  return 0.62 * fontPx * (chars(name.base) + 0.7 * chars(name.sup) + 0.75 * chars(name.sub));
}

/** Superscript digits and signs (an exponent, 10⁻³⁹): narrower than other characters. */
const SUPERSCRIPT = /[\u00b2\u00b3\u00b9\u2070-\u209f]/u;

/**
 * A generous estimate of the width of a number line of a node (`∇3.474×10⁻³⁹…`)
 * at `fontPx`: tabular digits and signs about 0.6 em, superscripts about 0.4 em.
 */
export function estimateNumberWidth(text: string, fontPx: number): number {
  return [...text].reduce((w, c) => w + (SUPERSCRIPT.test(c) ? 0.4 : 0.6), 0) * fontPx;
}

/** The length to squeeze a line `width` wide to, or undefined when it fits `room` as it is. */
export function squeezeTo(width: number, room: number): number | undefined {
  return width > room ? room : undefined;
}

/**
 * How far in from its sides a box with corners of `radius` (a pill when the
 * radius is half its height) is at `offset` from its middle line, for a box
 * `halfHeight` tall above and below that line: an operation's gradient line
 * sits low, where the pill's round ends have come in.
 */
export function roundedInset(radius: number, halfHeight: number, offset: number): number {
  const d = Math.min(radius, Math.max(0, Math.abs(offset) - (halfHeight - radius)));
  return radius - Math.sqrt(radius * radius - d * d);
}

/** The widest gate chip: longer symbols (`softmax`) are squeezed into it. */
export const GATE_CHIP_MAX_WIDTH = 46;

/** Width of the gate chip for a symbol: `+` and `x²` get a round chip, `tanh` a wider pill, at most GATE_CHIP_MAX_WIDTH. */
export function gateChipWidth(symbol: string): number {
  const chars = [...symbol].length;
  return chars <= 1 ? GATE_CHIP.height : Math.min(GATE_CHIP_MAX_WIDTH, 10 + 7.5 * chars);
}

/** The length to squeeze a gate symbol to, or undefined when it fits its chip as it is. */
export function gateSymbolSqueeze(symbol: string): number | undefined {
  const chars = [...symbol].length;
  const room = gateChipWidth(symbol) - 6;
  return 10 + 7.5 * chars > GATE_CHIP_MAX_WIDTH ? room : undefined;
}

/**
 * The smallest text a node draws at scale 1, in CSS pixels (the gradient line;
 * styles.css sets it). The view counts as readable when this is at least
 * MIN_READABLE_PX on screen.
 */
export const NODE_TEXT_MIN_PX = 13;
export const MIN_READABLE_PX = 11;
/** The zoom at which every node text is readable. */
export const READABLE_SCALE = MIN_READABLE_PX / NODE_TEXT_MIN_PX;

/** The widest a value box grows to fit its name; longer names are squeezed or shortened to fit. */
export const MAX_VALUE_WIDTH = 184;

/**
 * The width of a value box: the standard width, or wider when its title (the
 * gate chip and the name, or a display label written out like `x1*w1 + x2*w2`)
 * needs more, up to MAX_VALUE_WIDTH.
 */
export function valueNodeWidth(title: { name: { base: string; sup: string | null; sub: string | null } | null; text: string | null }, gate: string | null, fontPx = 14): number {
  const gateRoom = gate === null ? 8 : GATE_CHIP.inset + gateChipWidth(gate) + 7;
  const wide = (c: string) => /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(c);
  const textWidth = title.text === null ? 0 : [...title.text].reduce((w, c) => w + (wide(c) ? 2 : 1), 0) * 0.62 * fontPx;
  const nameWidth = title.name === null ? 0 : estimateNameWidth(title.name, fontPx);
  return Math.min(MAX_VALUE_WIDTH, Math.max(VALUE_NODE.width, Math.ceil(gateRoom + Math.max(textWidth, nameWidth) + 8)));
}
