// Loads KaTeX on first use, as a separate script, and tells waiting formulas.
import type katex from 'katex';
import { useEffect, useState } from 'react';
import katexUrl from './katexScript.ts?worker&url';

export type Katex = typeof katex;

let loading: Promise<Katex> | null = null;

function current(): Katex | null {
  return (globalThis as { chainstepKatex?: Katex }).chainstepKatex ?? null;
}

export function loadKatex(): Promise<Katex> {
  const ready = current();
  if (ready) return Promise.resolve(ready);
  loading ??= new Promise<Katex>((resolve, reject) => {
    const script = document.createElement('script');
    if (import.meta.env.DEV) script.type = 'module';
    script.src = katexUrl;
    script.onload = () => {
      const k = current();
      if (k) resolve(k);
      else reject(new Error('KaTeX did not load'));
    };
    script.onerror = () => {
      loading = null;
      reject(new Error('KaTeX did not load'));
    };
    document.head.appendChild(script);
  });
  return loading;
}

/** KaTeX once it has loaded (null before), starting the load on first use. */
export function useKatex(): Katex | null {
  const [k, setK] = useState<Katex | null>(current);
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
