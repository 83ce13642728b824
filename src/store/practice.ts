// Practice mode: before a backward step is shown, the student types each local
// derivative and each gradient the visited node sends; answers are checked
// with a tolerance that forgives rounding to two decimals.
import type { Compiled } from '../engine';

export interface FieldResult {
  /** The local derivative ∂(visited)/∂(input). */
  local: boolean;
  /** The contribution sent: local × upstream. */
  sent: boolean;
}

/** Per step: one result per contribution. */
export type Answers = Readonly<Record<number, readonly FieldResult[]>>;

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

/** True when `typed` is `expected` up to 1% or 0.005, whichever is larger. */
export function isClose(typed: number, expected: number): boolean {
  if (!Number.isFinite(expected)) return typed === expected;
  return Math.abs(typed - expected) <= Math.max(0.005, 0.01 * Math.abs(expected));
}

/** Whether step `step` is a backward step the student must answer first. */
export function isQuizStep(compiled: Compiled | null, step: number): boolean {
  const s = compiled?.trace.steps[step];
  return s?.kind === 'backward' && s.contributions.length > 0;
}

export function checkStep(compiled: Compiled, step: number, typed: readonly { local: string; sent: string }[]): FieldResult[] {
  const s = compiled.trace.steps[step];
  if (s?.kind !== 'backward') return [];
  return s.contributions.map((c, k) => {
    const local = parseAnswer(typed[k]?.local ?? '');
    const sent = parseAnswer(typed[k]?.sent ?? '');
    return { local: local !== null && isClose(local, c.local), sent: sent !== null && isClose(sent, c.amount) };
  });
}

export function score(answers: Answers): { right: number; total: number } {
  let right = 0;
  let total = 0;
  for (const results of Object.values(answers)) {
    for (const r of results) {
      right += Number(r.local) + Number(r.sent);
      total += 2;
    }
  }
  return { right, total };
}
