// One optimizer update of one parameter entry, written out with its numbers
// (CONTRACTS §10): θ ← θ − α·g for SGD; v and the step for momentum; m, v, m̂, v̂
// and the step for Adam. Every number comes from the optimizer's own record, so
// the page shows exactly what the run computed.
import type { UpdateRecord } from '../engine/optim';
import { displayTex } from '../engine/names';
import { texFactor, texNumber } from './number';

/** The TeX name of an entry: `w`, `(b_{1})_{3}`, `(W_{1})_{2,3}` (1-based, as in mathematics). */
export function entryTex(name: string, shape: readonly number[], index: number): string {
  const base = displayTex(name);
  if (shape.length === 0) return base;
  if (shape.length === 1) return `(${base})_{${index + 1}}`;
  const cols = shape[1];
  return `(${base})_{${Math.floor(index / cols) + 1},${(index % cols) + 1}}`;
}

/** The entry in plain text: `w`, `b1[3]`, `W1[2, 3]` (1-based). */
export function entryText(name: string, shape: readonly number[], index: number): string {
  if (shape.length === 0) return name;
  if (shape.length === 1) return `${name}[${index + 1}]`;
  const cols = shape[1];
  return `${name}[${Math.floor(index / cols) + 1}, ${(index % cols) + 1}]`;
}

/**
 * The lines of one update, in order: the gradient, the optimizer's running
 * quantities, and the new value. `theta` is the entry's TeX name (entryTex).
 */
export function updateLines(u: UpdateRecord, theta: string): string[] {
  const n = texNumber;
  const f = texFactor;
  const g = `g = \\frac{\\partial L}{\\partial ${theta}} = ${n(u.grad)}`;
  switch (u.kind) {
    case 'sgd':
      return [g, `${theta} \\leftarrow ${theta} - \\alpha\\, g = ${n(u.theta)} - ${f(u.lr)} \\cdot ${f(u.grad)} = ${n(u.thetaNew)}`];
    case 'momentum': {
      const v =
        u.vPrev === null
          ? `v \\leftarrow g = ${n(u.v)}`
          : `v \\leftarrow \\mu v + g = ${f(u.momentum)} \\cdot ${f(u.vPrev)} + ${f(u.grad)} = ${n(u.v)}`;
      return [g, v, `${theta} \\leftarrow ${theta} - \\alpha\\, v = ${n(u.theta)} - ${f(u.lr)} \\cdot ${f(u.v)} = ${n(u.thetaNew)}`];
    }
    case 'adam':
      return [
        g,
        `m \\leftarrow \\beta_1 m + (1 - \\beta_1)\\, g = ${f(u.beta1)} \\cdot ${f(u.mPrev)} + ${f(1 - u.beta1)} \\cdot ${f(u.grad)} = ${n(u.m)}`,
        `v \\leftarrow \\beta_2 v + (1 - \\beta_2)\\, g^2 = ${f(u.beta2)} \\cdot ${f(u.vPrev)} + ${f(1 - u.beta2)} \\cdot ${f(u.grad)}^2 = ${n(u.v)}`,
        `\\hat m = \\frac{m}{1 - \\beta_1^{${u.t}}} = \\frac{${n(u.m)}}{${n(u.biasCorrection1)}} = ${n(u.mHat)}`,
        `\\hat v = \\frac{v}{1 - \\beta_2^{${u.t}}} = \\frac{${n(u.v)}}{${n(u.biasCorrection2)}} = ${n(u.vHat)}`,
        `${theta} \\leftarrow ${theta} - \\frac{\\alpha\\, \\hat m}{\\sqrt{\\hat v} + \\epsilon} = ${n(u.theta)} - \\frac{${f(u.lr)} \\cdot ${f(u.mHat)}}{\\sqrt{${n(u.vHat)}} + ${n(u.eps)}} = ${n(u.thetaNew)}`,
      ];
  }
}
