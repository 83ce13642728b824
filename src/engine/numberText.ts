// Numbers as students read them: at most 4 significant digits, a real minus
// sign, ∞ and NaN spelled out, and -0 shown as 0.
import { superscriptText } from './names';

const MINUS = '\u2212';

/** Mantissa and exponent with 4 significant digits, trailing zeros trimmed. */
function parts(x: number): { mantissa: string; exponent: number | null } {
  const abs = Math.abs(x);
  if (Number.isInteger(x) && abs < 1e6) return { mantissa: String(abs), exponent: null };
  if (abs >= 1e-4 && abs < 1e6) {
    const rounded = Number(abs.toPrecision(4));
    // 999999.5 rounds up to 1000000: that is written as 1×10⁶, like every |x| ≥ 1e6.
    if (rounded < 1e6) return { mantissa: rounded.toString(), exponent: null };
  }
  const [m, e] = abs.toExponential(3).split('e');
  return { mantissa: String(Number(m)), exponent: Number(e) };
}

/** Plain text: `3`, `−2.5`, `0.3333`, `1.235×10⁶`, `∞`, `NaN`. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return `${MINUS}∞`;
  if (x === 0) return '0';
  const { mantissa, exponent } = parts(x);
  const sign = x < 0 ? MINUS : '';
  if (exponent === null) return `${sign}${mantissa}`;
  const exp = superscriptText(String(exponent));
  return `${sign}${mantissa}×10${exp}`;
}

/** TeX: `-2.5`, `1.235 \times 10^{6}`, `\infty`, `\mathrm{NaN}`. */
export function texNumber(x: number): string {
  if (Number.isNaN(x)) return '\\mathrm{NaN}';
  if (x === Infinity) return '\\infty';
  if (x === -Infinity) return '-\\infty';
  if (x === 0) return '0';
  const { mantissa, exponent } = parts(x);
  const sign = x < 0 ? '-' : '';
  return exponent === null ? `${sign}${mantissa}` : `${sign}${mantissa} \\times 10^{${exponent}}`;
}

/** A number used as a factor: negatives and powers of ten in parentheses, `(-4)`. */
export function texFactor(x: number): string {
  const tex = texNumber(x);
  return x < 0 || tex.includes('\\times') ? `(${tex})` : tex;
}

/**
 * TeX with an operator in it (`a_{1} \cdot 0.9 + x`, `1.2 \times 10^{-20}`) in
 * braces, as one group: KaTeX breaks a line only outside groups, so a narrow
 * panel wraps a formula at its `=` signs, not inside a term.
 */
export function texWhole(tex: string): string {
  return /[+\-=]|\\cdot|\\times/.test(tex) ? `{${tex}}` : tex;
}
