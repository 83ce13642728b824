// The page's main-thread tasks from a Chromium trace (categories `toplevel`,
// `disabled-by-default-devtools.timeline`, `__metadata`): how long each took
// on the wall clock and how much of it the thread actually ran (CPU). On a
// machine shared with other work the two differ: a task the OS kept waiting is
// long on the wall clock without the page doing more.

export interface TraceEventLike {
  readonly name: string;
  readonly ph: string;
  readonly pid?: number;
  readonly tid?: number;
  readonly ts?: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

export interface MainTask {
  /** Wall-clock duration, ms. */
  readonly wallMs: number;
  /** Time the thread ran, ms. */
  readonly cpuMs: number;
}

/** Every top-level task of the renderers' main threads (a page's renderer is `CrRendererMain`). */
export function mainThreadTasks(events: readonly TraceEventLike[]): MainTask[] {
  const main = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') main.add(`${e.pid}:${e.tid}`);
  return events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`) && e.dur !== undefined)
    .map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? e.dur ?? 0) / 1000 }));
}

/** The longest task by wall clock and by CPU time (they may be different tasks). */
export function longest(tasks: readonly MainTask[]): { wallMs: number; cpuMs: number; over50Wall: number; over50Cpu: number } {
  let wallMs = 0;
  let cpuMs = 0;
  for (const t of tasks) {
    wallMs = Math.max(wallMs, t.wallMs);
    cpuMs = Math.max(cpuMs, t.cpuMs);
  }
  return { wallMs, cpuMs, over50Wall: tasks.filter((t) => t.wallMs > 50).length, over50Cpu: tasks.filter((t) => t.cpuMs > 50).length };
}

export const TRACE_CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline', '__metadata'];
