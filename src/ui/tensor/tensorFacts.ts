// Facts about a tensor the drawing needs on every render of its node, worked out
// once per tensor (tensors in a trace never change): the JSON of CONTRACTS §9
// for data-value / data-grad, the heatmap range and whether any entry is ∞ or NaN.
import { useEffect, useState } from 'react';
import type { Tensor } from '../../engine';
import { tensorJson, toNested } from '../../engine/tensor/tensor';
import { symmetricMax } from './colorScale';

interface Facts {
  json?: string;
  max?: number;
  nonFinite?: boolean;
}

const facts = new WeakMap<Tensor, Facts>();

function of(t: Tensor): Facts {
  let f = facts.get(t);
  if (!f) facts.set(t, (f = {}));
  return f;
}

/** `tensorJson(t)`, made once (without tensorJson's replacer when every number is finite: several times faster). */
export function jsonOf(t: Tensor): string {
  const f = of(t);
  return (f.json ??= hasNonFinite(t) ? tensorJson(t) : JSON.stringify(toNested(t)));
}

/** Tensors up to this many numbers get their JSON at once; bigger ones after the frame that shows them. */
export const SYNC_JSON_LIMIT = 4096;

/**
 * The JSON of data-value / data-grad (CONTRACTS §9). Writing out a 64×784
 * gradient takes longer than a frame, so a big tensor's JSON is made after the
 * frame that first shows the tensor has been painted (two animation frames
 * later), and the attribute appears then; stepping away first cancels it.
 * Once made it is kept, so stepping back to it costs nothing.
 */
export function useTensorJson(t: Tensor | undefined): string | undefined {
  const ready = !t || t.data.length <= SYNC_JSON_LIMIT || of(t).json !== undefined;
  const [, setMade] = useState<Tensor | null>(null);
  useEffect(() => {
    if (ready || !t || typeof requestAnimationFrame !== 'function') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => {
          jsonOf(t);
          setMade(t);
        }, 0);
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [t, ready]);
  return t && (ready || typeof requestAnimationFrame !== 'function' ? jsonOf(t) : undefined);
}

/** The heatmap's half-range: the largest finite |x|. */
export function rangeOf(t: Tensor): number {
  const f = of(t);
  return (f.max ??= symmetricMax(t.data));
}

export function hasNonFinite(t: Tensor): boolean {
  const f = of(t);
  if (f.nonFinite === undefined) {
    f.nonFinite = false;
    for (let i = 0; i < t.data.length; i++) {
      if (!Number.isFinite(t.data[i])) {
        f.nonFinite = true;
        break;
      }
    }
  }
  return f.nonFinite;
}
