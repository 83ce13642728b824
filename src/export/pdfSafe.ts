// Text and TeX made safe for pdflatex with only texlive-latex-base: every
// character outside ASCII becomes a macro that package set defines (θ → \theta,
// ² → ^{2}, ’ → '), or, when it has none (Chinese, say), its code point [U+4EF7].
// KaTeX reads Unicode directly; pdflatex without CJK or Greek fonts stops at it.

const GREEK_LOWER = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi o pi rho varsigma sigma tau upsilon phi chi psi omega'.split(' ');
const GREEK_UPPER = 'A B Gamma Delta E Z H Theta I K Lambda M N Xi O Pi P - Sigma T Upsilon Phi X Psi Omega'.split(' ');

/** Math-mode TeX for one character, or undefined when it has none. */
function mathOf(ch: string): string | undefined {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x3b1 && code <= 0x3c9) {
    const name = GREEK_LOWER[code - 0x3b1];
    return name.length === 1 ? name : `\\${name}`;
  }
  if (code >= 0x391 && code <= 0x3a9) {
    const name = GREEK_UPPER[code - 0x391];
    if (name === '-') return undefined;
    return name.length === 1 ? `\\mathrm{${name}}` : `\\${name}`;
  }
  const sup = '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(ch);
  if (sup >= 0) return `^{${sup}}`;
  const sub = '₀₁₂₃₄₅₆₇₈₉'.indexOf(ch);
  if (sub >= 0) return `_{${sub}}`;
  return MATH_SYMBOLS[ch];
}

const MATH_SYMBOLS: Readonly<Record<string, string>> = {
  '−': '-', '·': '\\cdot', '×': '\\times', '÷': '\\div', '∂': '\\partial', '√': '\\surd', '∞': '\\infty',
  '≈': '\\approx', '≤': '\\le', '≥': '\\ge', '≠': '\\ne', '→': '\\to', '←': '\\leftarrow', '∇': '\\nabla',
  '∑': '\\sum', '′': '\\prime', '⁻': '^{-}', '⁺': '^{+}', '⁽': '^{(}', '⁾': '^{)}', 'ᵃ': '^{a}', 'ᵇ': '^{b}',
  'ˡ': '^{l}', 'ⱼ': '_{j}', 'ᵢ': '_{i}', 'ₖ': '_{k}', '±': '\\pm',
};

/** Text-mode replacements that need no math. */
const TEXT_SYMBOLS: Readonly<Record<string, string>> = {
  '’': "'", '‘': '`', '“': '``', '”': "''", '—': '---', '–': '--', '…': '\\ldots{}', '\u00a0': '~',
  '«': '<<', '»': '>>', '\u2009': ' ', '\u202f': ' ',
};

const codePoint = (ch: string): string => `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;

function nonAscii(ch: string, mode: 'math' | 'text'): string {
  const math = mathOf(ch);
  if (math !== undefined) return mode === 'math' ? `{${math}}` : `\\ensuremath{${math}}`;
  if (mode === 'text' && TEXT_SYMBOLS[ch] !== undefined) return TEXT_SYMBOLS[ch];
  return mode === 'math' ? `\\text{${codePoint(ch)}}` : codePoint(ch);
}

const isAscii = (ch: string): boolean => (ch.codePointAt(0) ?? 0) < 0x80;

/**
 * TeX for math mode (already TeX): its non-ASCII characters are replaced, and
 * inside `\text{…}` the characters text mode treats as specials (`_` in
 * `\text{of_the_model}`, which KaTeX accepts) are escaped.
 */
export function pdfMath(tex: string): string {
  const texts = tex.normalize('NFC').replace(/\\text\{([^{}]*)\}/g, (_, inner: string) => `\\text{${inner.replace(/[_&%#$]/g, (c) => `\\${c}`)}}`);
  return Array.from(texts, (ch) => (isAscii(ch) ? ch : nonAscii(ch, 'math'))).join('');
}

const TEXT_SPECIALS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '$': '\\$', '&': '\\&', '#': '\\#', '%': '\\%', '_': '\\_',
  '^': '\\^{}', '~': '\\~{}', '<': '\\ensuremath{<}', '>': '\\ensuremath{>}', '|': '\\ensuremath{|}',
};

/** Plain words as LaTeX text: specials escaped, non-ASCII replaced. */
export function pdfText(text: string): string {
  return Array.from(text.normalize('NFC'), (ch) => TEXT_SPECIALS[ch] ?? (isAscii(ch) ? ch : nonAscii(ch, 'text'))).join('');
}

/**
 * One line of program text for an `alltt` block, where only `\`, `{` and `}`
 * are special: those are escaped, tabs become spaces, and non-ASCII is replaced.
 * (Unlike verbatim, no line can end the block early.)
 */
export function pdfListingLine(line: string): string {
  const escaped: Record<string, string> = { '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '\t': '  ' };
  return Array.from(line.normalize('NFC'), (ch) => {
    if (escaped[ch] !== undefined) return escaped[ch];
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20) return ' ';
    return isAscii(ch) ? ch : nonAscii(ch, 'text');
  }).join('');
}
