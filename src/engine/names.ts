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
type Accent = keyof typeof ACCENTS;

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

export interface DisplayName {
  /** The main symbol: `w`, `θ`, `price`. */
  base: string;
  /** TeX of the base: `w`, `\theta`, `\mathrm{price}`. */
  baseTex: string;
  accent: Accent | null;
  /** The subscript text (`1`, `12`, `in`), or null. */
  sub: string | null;
}

function baseOf(word: string): { base: string; tex: string } {
  if (GREEK[word]) return { base: GREEK[word], tex: GREEK_TEX[word] };
  if (/^[A-Za-z]$/.test(word)) return { base: word, tex: word };
  if (/^[A-Za-z0-9]+$/.test(word)) return { base: word, tex: `\\mathrm{${word}}` };
  // Unicode letters (θ, 价格): KaTeX typesets them as text.
  return { base: word, tex: /^\p{Script=Greek}$/u.test(word) ? word : `\\text{${word}}` };
}

export function displayName(name: string): DisplayName {
  let stem = name;
  let sub: string | null = null;
  const underscore = name.indexOf('_');
  if (underscore > 0 && underscore < name.length - 1) {
    stem = name.slice(0, underscore);
    sub = name.slice(underscore + 1);
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
  return { base, baseTex: tex, accent, sub };
}

function subscriptText(sub: string): string {
  return /^\d+$/.test(sub) ? Array.from(sub, (d) => SUBSCRIPT_DIGITS[Number(d)]).join('') : `_${sub}`;
}

/** Plain text for labels and screen readers: `w₁`, `θ`, `ŷ`, `x_in`. */
export function displayText(name: string): string {
  const d = displayName(name);
  return `${d.base}${d.accent ? ACCENTS[d.accent] : ''}${d.sub === null ? '' : subscriptText(d.sub)}`.normalize('NFC');
}

/** TeX: `w_{1}`, `\theta`, `\hat{y}`, `x_{\mathrm{in}}`. */
export function displayTex(name: string): string {
  const d = displayName(name);
  let tex = d.accent ? `\\${d.accent}{${d.baseTex}}` : d.baseTex;
  if (d.sub !== null) {
    const subTex = /^[0-9]+$/.test(d.sub) || /^[A-Za-z]$/.test(d.sub) ? d.sub : baseOf(d.sub).tex;
    tex = `${/^\\mathrm|^\\text/.test(tex) ? tex : tex}_{${subTex}}`;
  }
  return tex;
}
