// Practice mode: before a backward step is shown, the student types each local
// derivative and each gradient the visited node sends; answers are checked
// with a tolerance that forgives rounding to two decimals. At a vector or
// matrix node the student gives the shape of what each input receives and the
// value of one chosen entry of it.
import type { Compiled, Contribution } from '../engine';
import { sizeOf, type Shape } from '../engine/tensor/tensor';

/** One contribution of a step on numbers. */
export interface ScalarResult {
  /** The local derivative ∂(visited)/∂(input). */
  readonly local: boolean;
  /** The contribution sent: local × upstream. */
  readonly sent: boolean;
}

/** One contribution of a tensor step: the shape of what is sent, and one entry of it. */
export interface TensorResult {
  readonly shape: boolean;
  readonly entry: boolean;
  /** Which entry was asked (row-major index into what is sent). */
  readonly element: number;
}

export type FieldResult = ScalarResult | TensorResult;

export const isTensorResult = (r: FieldResult): r is TensorResult => 'shape' in r;

/** Per step: one result per contribution. */
export type Answers = Readonly<Record<number, readonly FieldResult[]>>;

/** What the student typed for one contribution: local and sent for numbers, shape and entry for tensors. */
export interface Typed {
  readonly local?: string;
  readonly sent?: string;
  readonly shape?: string;
  readonly entry?: string;
}

/** Reads a typed number: `-4`, `−4`, `0.25`, `1/4`, `1e-3`, with spaces. Null when it is not a number. */
export function parseAnswer(text: string): number | null {
  const clean = text.trim().replace(/\u2212/g, '-').replace(/\s+/g, '');
  if (clean === '') return null;
  const fraction = /^(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(clean);
  if (fraction) {
    const value = Number(fraction[1]) / Number(fraction[2]);
    return Number.isFinite(value) ? value : null;
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(clean)) return null;
  return Number(clean);
}

/**
 * Reads a typed shape: `3x2`, `3×2`, `3 by 2`, `(3, 2)`, `[3,2]`, `3*2`; `2` for a
 * vector; `1`, `()`, `scalar`, `number`, `标量` for a number ([]). Null when it is not a shape.
 */
export function parseShape(text: string): number[] | null {
  const clean = text.trim().toLowerCase();
  if (/^(\(\s*\)|\[\s*\]|scalar|number|a number|标量|数|一个数)$/.test(clean)) return [];
  const parts = clean
    .replace(/^[([]\s*|\s*[)\]]$/g, '')
    .replace(/,$/, '') // (2,) is Python's vector of length 2
    .split(/\s*(?:x|×|\*|by|,)\s*|\s+/);
  if (parts.length > 2 || !parts.every((p) => /^\d+$/.test(p) && Number(p) > 0)) return null;
  const shape = parts.map(Number);
  return shape.length === 1 && shape[0] === 1 ? [] : shape;
}

/** Whether a typed shape names `expected`: a vector of length n may also be written 1×n or n×1. */
export function sameShapeAnswer(typed: readonly number[], expected: Shape): boolean {
  if (expected.length === 1 && typed.length === 2) return (typed[0] === 1 && typed[1] === expected[0]) || (typed[1] === 1 && typed[0] === expected[0]);
  return typed.length === expected.length && typed.every((d, i) => d === expected[i]);
}

/** True when `typed` is `expected` up to 1% or 0.005, whichever is larger. */
export function isClose(typed: number, expected: number): boolean {
  if (!Number.isFinite(expected)) return typed === expected;
  return Math.abs(typed - expected) <= Math.max(0.005, 0.01 * Math.abs(expected));
}

/**
 * The contributions of backward step `step` the student is asked about, with
 * their index in the step: those sent to a variable (a constant's gradient is
 * computed but never asked for — ∂y/∂3 is not a question).
 */
export function askedContributions(compiled: Compiled, step: number): { c: Contribution; k: number }[] {
  const s = compiled.trace.steps[step];
  if (s?.kind !== 'backward') return [];
  return s.contributions.map((c, k) => ({ c, k })).filter(({ c }) => compiled.graph.nodes[c.to].op !== 'const');
}

/** Whether step `step` is a backward step the student must answer first. */
export function isQuizStep(compiled: Compiled | null, step: number): boolean {
  return compiled !== null && askedContributions(compiled, step).length > 0;
}

/** Whether backward step `step` is at a vector or matrix node (or one with such inputs): asked as shapes and entries. */
export function isTensorQuiz(compiled: Compiled, step: number): boolean {
  const s = compiled.trace.steps[step];
  if (s?.kind !== 'backward') return false;
  const { nodes } = compiled.graph;
  return nodes[s.node].shape.length > 0 || nodes[s.node].inputs.some((i) => nodes[i].shape.length > 0);
}

/** The entry of contribution `k` a tensor step asks for: spread over the entries, the same every time. */
export function practiceEntry(compiled: Compiled, step: number, k: number): number {
  const s = compiled.trace.steps[step];
  if (s?.kind !== 'backward') return 0;
  const size = sizeOf(s.contributions[k].tensors.amount.shape);
  return (step * 7 + k * 5) % size;
}

/** The answers typed for each asked contribution, in the order of `askedContributions`. */
export function checkStep(compiled: Compiled, step: number, typed: readonly Typed[]): FieldResult[] {
  const tensor = isTensorQuiz(compiled, step);
  return askedContributions(compiled, step).map(({ c, k }, i): FieldResult => {
    if (tensor) {
      const element = practiceEntry(compiled, step, k);
      const shape = parseShape(typed[i]?.shape ?? '');
      const entry = parseAnswer(typed[i]?.entry ?? '');
      return {
        shape: shape !== null && sameShapeAnswer(shape, c.tensors.amount.shape),
        entry: entry !== null && isClose(entry, c.tensors.amount.data[element]),
        element,
      };
    }
    const local = parseAnswer(typed[i]?.local ?? '');
    const sent = parseAnswer(typed[i]?.sent ?? '');
    return { local: local !== null && isClose(local, c.local), sent: sent !== null && isClose(sent, c.amount) };
  });
}

/** A revealed step: every field counted wrong, as `checkStep` would shape it. */
export function revealedStep(compiled: Compiled, step: number): FieldResult[] {
  const tensor = isTensorQuiz(compiled, step);
  return askedContributions(compiled, step).map(({ k }) => (tensor ? { shape: false, entry: false, element: practiceEntry(compiled, step, k) } : { local: false, sent: false }));
}

/** Both fields of a result are right. */
export const allRight = (r: FieldResult): boolean => (isTensorResult(r) ? r.shape && r.entry : r.local && r.sent);

export function score(answers: Answers): { right: number; total: number } {
  let right = 0;
  let total = 0;
  for (const results of Object.values(answers)) {
    for (const r of results) {
      right += isTensorResult(r) ? Number(r.shape) + Number(r.entry) : Number(r.local) + Number(r.sent);
      total += 2;
    }
  }
  return { right, total };
}
