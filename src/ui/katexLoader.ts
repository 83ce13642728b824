// Loads KaTeX on first use, as a separate script, and tells waiting formulas.
import type katex from 'katex';
import { useEffect, useState } from 'react';
import katexUrl from './katexScript.ts?worker&url';
import { scriptLoader } from './scriptLoader';

export type Katex = typeof katex;

const katexScript = scriptLoader<Katex>(katexUrl, () => (globalThis as { chainstepKatex?: Katex }).chainstepKatex ?? null, 'KaTeX');

export const loadKatex = katexScript.load;

/** KaTeX once it has loaded (null before), starting the load on first use. */
export function useKatex(): Katex | null {
  const [k, setK] = useState<Katex | null>(katexScript.current);
  useEffect(() => {
    if (k) return;
    let live = true;
    loadKatex().then(
      (loaded) => live && setK(() => loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [k]);
  return k;
}
