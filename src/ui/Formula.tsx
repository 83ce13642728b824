// The one place KaTeX runs. trust:false and bounded maxSize/maxExpand keep TeX
// from doing anything but typesetting; on failure the TeX source is shown as
// plain text (React escapes it), never an error message as HTML.
import 'katex/dist/katex.min.css';
import { memo, useMemo } from 'react';
import { useKatex, type Katex } from './katexLoader';

/**
 * A display formula is typeset as \displaystyle inside inline math, so that a
 * long chain-rule line can break after `=` or `+` in a narrow panel instead of
 * running off its edge (KaTeX never breaks display math).
 */
export function renderTex(katex: Katex, tex: string, display: boolean): string | null {
  try {
    return katex.renderToString(display ? `\\displaystyle ${tex}` : tex, {
      displayMode: false,
      throwOnError: true,
      trust: false,
      maxSize: 20,
      maxExpand: 200,
      strict: 'ignore',
      output: 'htmlAndMathml',
    });
  } catch {
    return null;
  }
}

/** How many typeset formulas are kept: the panels of the last twenty-odd steps (a few MB at most). */
export const TEX_CACHE_SIZE = 120;
const typeset = new Map<string, string | null>();

/**
 * renderTex, remembered for the last TEX_CACHE_SIZE formulas: stepping back to a
 * step just seen (students do it all the time) typesets nothing again, which on
 * the builder's graph was 8 ms of the panel's 20.
 */
export function cachedRenderTex(katex: Katex, tex: string, display: boolean): string | null {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const hit = typeset.get(key);
  if (hit !== undefined) {
    // Most recently used last: a Map keeps insertion order.
    typeset.delete(key);
    typeset.set(key, hit);
    return hit;
  }
  const html = renderTex(katex, tex, display);
  typeset.set(key, html);
  if (typeset.size > TEX_CACHE_SIZE) typeset.delete(typeset.keys().next().value as string);
  return html;
}

export const Formula = memo(function Formula({ tex, display = false }: { tex: string; display?: boolean }) {
  const katex = useKatex();
  const html = useMemo(() => (katex ? cachedRenderTex(katex, tex, display) : undefined), [katex, tex, display]);
  if (html === undefined) {
    // KaTeX is still loading (a few milliseconds, once): keep the space, say the TeX to screen readers.
    return <span className={display ? 'formula formula-display formula-loading' : 'formula formula-loading'} data-tex={tex} role="img" aria-label={tex} />;
  }
  if (html === null) {
    return (
      <code className="formula formula-fallback" data-tex={tex}>
        {tex}
      </code>
    );
  }
  return <span className={display ? 'formula formula-display' : 'formula'} data-tex={tex} dangerouslySetInnerHTML={{ __html: html }} />;
});
