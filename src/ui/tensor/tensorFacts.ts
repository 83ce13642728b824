// Facts about a tensor the drawing needs on every render of its node, worked out
// once per tensor (tensors in a trace never change): the JSON of CONTRACTS §9
// for data-value / data-grad, the heatmap range and whether any entry is ∞ or NaN.
import type { Tensor } from '../../engine';
import { tensorJson } from '../../engine/tensor/tensor';
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

/** `tensorJson(t)`, made once. */
export function jsonOf(t: Tensor): string {
  const f = of(t);
  return (f.json ??= tensorJson(t));
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
