// Text in, graph or error out: the store never lets a ProgramError escape.
import { compile, ProgramError, type BuildOptions, type Compiled } from '../engine';
import type { StepRef } from './url';

/** `options`: the image sets loaded so far, and for a training iteration its batch and parameters. */
export function tryCompile(text: string, options: BuildOptions = {}): { compiled: Compiled | null; error: ProgramError | null } {
  try {
    return { compiled: compile(text, options), error: null };
  } catch (err) {
    if (err instanceof ProgramError) return { compiled: null, error: err };
    throw err;
  }
}

/** Resolves a step reference against a trace; numbers are clamped into range. */
export function resolveStep(compiled: Compiled | null, ref: StepRef): number {
  if (!compiled) return 0;
  const { trace } = compiled;
  if (ref === 'end') return trace.end;
  if (ref === 'forward') return trace.lastForward;
  return Math.max(0, Math.min(trace.end, Math.floor(ref)));
}
