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

/** Tensors up to this many numbers get their JSON attribute at once; bigger ones after the frame that shows them. */
export const SYNC_JSON_LIMIT = 4096;

/**
 * The JSON of data-value / data-grad (CONTRACTS §9). Writing out a 64×784
 * gradient takes longer than a frame, and even setting a megabyte attribute
 * takes milliseconds, so a big tensor's attribute is set after the frame that
 * shows the tensor has been painted (two animation frames later), by a second,
 * small render of its node; stepping on before then skips it. The JSON itself
 * is made once per tensor and kept.
 */
export function useTensorJson(t: Tensor | undefined): string | undefined {
  const deferred = t !== undefined && t.data.length > SYNC_JSON_LIMIT && typeof requestAnimationFrame === 'function';
  const [shown, setShown] = useState<Tensor | null>(null);
  useEffect(() => {
    if (!deferred || !t || shown === t) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => {
          jsonOf(t);
          setShown(t);
        }, 0);
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [t, deferred, shown]);
  if (!t) return undefined;
  return !deferred || shown === t ? jsonOf(t) : undefined;
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
