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

export const Formula = memo(function Formula({ tex, display = false }: { tex: string; display?: boolean }) {
  const katex = useKatex();
  const html = useMemo(() => (katex ? renderTex(katex, tex, display) : undefined), [katex, tex, display]);
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
