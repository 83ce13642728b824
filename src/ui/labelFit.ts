// Fitting a display label (`x1*w1 + x2*w2`) into a node's title line: a smaller
// font for a long label, then an ellipsis, so it never spills out of the box.

/** Font size of a node title (styles.css `.node-title`), and the smallest we shrink to. */
export const TITLE_FONT = 14;
export const MIN_TITLE_FONT = 9;
/** Average advance of a character of the title font, in ems (bold sans-serif, measured for Latin and digits). */
const CHAR_EM = 0.62;
/** Space kept free on each side of the title. */
const PADDING = 6;

export interface FittedLabel {
  text: string;
  /** Font size in px, or null for the normal title size. */
  fontSize: number | null;
}

/** Wide characters (CJK, fullwidth forms) count twice. */
function widthInChars(chars: readonly string[]): number {
  return chars.reduce((sum, c) => sum + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(c) ? 2 : 1), 0);
}

/** The label as it fits in a box `boxWidth` wide. */
export function fitLabel(label: string, boxWidth: number): FittedLabel {
  const room = boxWidth - 2 * PADDING;
  const chars = Array.from(label);
  const width = widthInChars(chars);
  if (width * CHAR_EM * TITLE_FONT <= room) return { text: label, fontSize: null };
  const size = room / (width * CHAR_EM);
  if (size >= MIN_TITLE_FONT) return { text: label, fontSize: Math.floor(size * 10) / 10 };
  // Even the smallest font is too wide: keep what fits, and say it was cut.
  const fits = Math.floor(room / (CHAR_EM * MIN_TITLE_FONT)) - 1;
  let kept = 0;
  let used = 0;
  while (kept < chars.length && used + widthInChars([chars[kept]]) <= fits) used += widthInChars([chars[kept++]]);
  return { text: `${chars.slice(0, kept).join('').trimEnd()}…`, fontSize: MIN_TITLE_FONT };
}
