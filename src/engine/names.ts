// How names are displayed: w1 → w₁, x_12 → x₁₂, theta → θ, yhat → ŷ.
// Names hold only letters, digits and `_` (the lexer guarantees it), so the
// TeX built here never contains a TeX command from the user.

const GREEK: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ',
  tau: 'τ', upsilon: 'υ', phi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};

const GREEK_TEX: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(GREEK).map((name) => [name, `\\${name}`]),
);

const ACCENTS = { hat: '\u0302', bar: '\u0304', tilde: '\u0303', dot: '\u0307' } as const;
export type Accent = keyof typeof ACCENTS;

/** The combining mark of an accent (ŷ is y + U+0302), or '' for none. */
export function accentMark(accent: Accent | null): string {
  return accent ? ACCENTS[accent] : '';
}

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

export interface DisplayName {
  /** The main symbol: `w`, `θ`, `price`. */
  base: string;
  /** TeX of the base: `w`, `\theta`, `\mathrm{price}`. */
  baseTex: string;
  accent: Accent | null;
  /** The subscript text (`1`, `12`, `in`), or null. */
  sub: string | null;
  /** A layer index written as a superscript: `w1_21` → w⁽¹⁾₂₁. */
  sup: string | null;
}

/** Network names: a letter, a layer number, `_`, unit digits, maybe a batch row (`z1_2`, `w2_13`, `z1_2r3`). */
const LAYERED = /^([A-Za-z])(\d+)_(\d+)(r\d+)?$/;

function baseOf(word: string): { base: string; tex: string } {
  if (GREEK[word]) return { base: GREEK[word], tex: GREEK_TEX[word] };
  if (/^[A-Za-z]$/.test(word)) return { base: word, tex: word };
  if (/^[A-Za-z0-9]+$/.test(word)) return { base: word, tex: `\\mathrm{${word}}` };
  // A subscript with underscores of its own (total_of_everything → total with of_everything under it).
  if (/^[A-Za-z0-9_]+$/.test(word)) return { base: word, tex: `\\mathrm{${word.replace(/_/g, '\\_')}}` };
  // Unicode letters (θ, 价格): KaTeX typesets them as text.
  return { base: word, tex: /^\p{Script=Greek}$/u.test(word) ? word : `\\text{${word}}` };
}

export function displayName(name: string): DisplayName {
  const layered = LAYERED.exec(name);
  if (layered) {
    const row = layered[4] ? `,${layered[4]}` : '';
    return { base: layered[1], baseTex: layered[1], accent: null, sub: `${layered[3]}${row}`, sup: `(${layered[2]})` };
  }
  let stem = name;
  let sub: string | null = null;
  const underscore = name.indexOf('_');
  if (underscore > 0 && underscore < name.length - 1) {
    stem = name.slice(0, underscore);
    sub = name.slice(underscore + 1);
    // Indices apart: `W_1_12` (an entry of a matrix with a side over 9) is W₁,₁₂.
    if (/^\d+(_\d+)+$/.test(sub)) sub = sub.replace(/_/g, ',');
  } else {
    const digits = /^(.*?\D)(\d+)$/u.exec(name);
    if (digits) {
      stem = digits[1];
      sub = digits[2];
    }
  }
  let accent: Accent | null = null;
  for (const key of Object.keys(ACCENTS) as Accent[]) {
    if (stem.length > key.length && stem.endsWith(key)) {
      const rest = stem.slice(0, -key.length);
      if (/^[A-Za-z]$/.test(rest) || GREEK[rest]) {
        accent = key;
        stem = rest;
        break;
      }
    }
  }
  const { base, tex } = baseOf(stem);
  return { base, baseTex: tex, accent, sub, sup: null };
}

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '(': '⁽', ')': '⁾', '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** Digits, minus and parentheses as Unicode superscripts (`-12` → `⁻¹²`); other characters unchanged. */
export function superscriptText(text: string): string {
  return Array.from(text, (c) => SUPERSCRIPT[c] ?? c).join('');
}

function subscriptText(sub: string): string {
  return /^\d+(,\d+)*$/.test(sub) ? Array.from(sub, (d) => (d === ',' ? ',' : SUBSCRIPT_DIGITS[Number(d)])).join('') : `_${sub}`;
}

/** Plain text for labels and screen readers: `w₁`, `θ`, `ŷ`, `x_in`. */
export function displayText(name: string): string {
  const d = displayName(name);
  return `${d.base}${accentMark(d.accent)}${d.sup === null ? '' : superscriptText(d.sup)}${d.sub === null ? '' : subscriptText(d.sub)}`.normalize('NFC');
}

/** TeX: `w_{1}`, `\theta`, `\hat{y}`, `x_{\mathrm{in}}`. */
export function displayTex(name: string): string {
  const d = displayName(name);
  let tex = d.accent ? `\\${d.accent}{${d.baseTex}}` : d.baseTex;
  if (d.sup !== null) tex = `${tex}^{${d.sup}}`;
  if (d.sub !== null && d.sup !== null) return `${tex}_{${d.sub.replace(',', ',\\mathrm{')}${d.sub.includes(',') ? '}' : ''}}`;
  if (d.sub !== null) {
    const subTex = /^[0-9]+(,[0-9]+)*$/.test(d.sub) || /^[A-Za-z]$/.test(d.sub) ? d.sub : baseOf(d.sub).tex;
    tex = `${/^\\mathrm|^\\text/.test(tex) ? tex : tex}_{${subTex}}`;
  }
  return tex;
}

// ---- versions and display labels (§11) ----------------------------------------
// A name assigned again is drawn as a version: c, c′, c″, c‴, then c⁽⁵⁾…
// A display label (micrograd's `label='x1*w1'`) is shown as written instead of
// the name. It is user text: it reaches TeX only inside \text{}, with every TeX
// special character escaped, so it can never be read as a command.

/** What a node is called: its name, which assignment of it made the node, and its display label. */
export interface NodeNaming {
  readonly label: string | null;
  readonly version: number;
  readonly display: string | null;
}

const PRIMES = ['′', '″', '‴'];

/** The mark after a name assigned again: '' for the first version, ′ ″ ‴ for the next three, then ⁽⁵⁾, ⁽⁶⁾… */
export function versionMark(version: number): string {
  if (version <= 1) return '';
  return PRIMES[version - 2] ?? superscriptText(`(${version})`);
}

/** The same in TeX: `'`, `''`, `'''`, then `^{(5)}`. */
export function versionTex(version: number): string {
  if (version <= 1) return '';
  return version <= 4 ? "'".repeat(version - 1) : `^{(${version})}`;
}

/** Longest display label shown before it is cut with an ellipsis (code points). */
export const MAX_DISPLAY = 40;

const IDENTIFIER = /^[\p{L}_][\p{L}\p{M}\p{N}_]*$/u;

/** Whether a display label is itself a name (`x1`, `θ`), shown as names are (x₁), or free text (`x1*w1`), shown as written. */
export function displayIsName(display: string): boolean {
  return IDENTIFIER.test(display);
}

/** A display label as plain text: control characters as spaces, cut at MAX_DISPLAY. */
export function displayLabelText(display: string): string {
  const chars = Array.from(display.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' '));
  return chars.length > MAX_DISPLAY ? `${chars.slice(0, MAX_DISPLAY - 1).join('')}…` : chars.join('');
}

const TEX_TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\textasciicircum{}',
  _: '\\_',
  '%': '\\%',
  '~': '\\textasciitilde{}',
};

/** A display label in TeX: a name as names are written (`x_{1}`), any other text in \text{} with TeX's specials escaped. */
export function displayLabelTex(display: string): string {
  if (displayIsName(display)) return displayTex(display);
  const text = Array.from(displayLabelText(display), (c) => TEX_TEXT_ESCAPES[c] ?? c).join('');
  return `\\text{${text}}`;
}

/** What a named node is called in plain text: its display label, or its name with its version mark (`c″`); null for anonymous nodes. */
export function nodeNameText(node: NodeNaming): string | null {
  if (node.display) return displayIsName(node.display) ? displayText(node.display) : displayLabelText(node.display);
  if (node.label === null) return null;
  return `${displayText(node.label)}${versionMark(node.version)}`;
}

/** The same in TeX (`{c}''`, `\text{x1*w1}`); null for anonymous nodes. */
export function nodeNameTex(node: NodeNaming): string | null {
  if (node.display) return displayLabelTex(node.display);
  if (node.label === null) return null;
  const tex = displayTex(node.label);
  return node.version > 1 ? `{${tex}}${versionTex(node.version)}` : tex;
}
