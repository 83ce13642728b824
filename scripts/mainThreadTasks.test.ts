import { describe, expect, it } from 'vitest';
import { longest, mainThreadTasks } from './mainThreadTasks';

describe('main-thread tasks from a trace', () => {
  it("keeps the renderers' main-thread RunTask events, with wall-clock and CPU time", () => {
    const events = [
      { name: 'thread_name', ph: 'M', pid: 1, tid: 1, args: { name: 'CrRendererMain' } },
      { name: 'thread_name', ph: 'M', pid: 1, tid: 2, args: { name: 'DedicatedWorker thread' } },
      { name: 'RunTask', ph: 'X', pid: 1, tid: 1, ts: 0, dur: 120_000, tdur: 8_000 },
      { name: 'RunTask', ph: 'X', pid: 1, tid: 1, ts: 200_000, dur: 60_000, tdur: 55_000 },
      { name: 'RunTask', ph: 'X', pid: 1, tid: 2, ts: 0, dur: 900_000, tdur: 900_000 },
      { name: 'Layout', ph: 'X', pid: 1, tid: 1, ts: 0, dur: 100_000, tdur: 7_000 },
    ];
    const tasks = mainThreadTasks(events);
    expect(tasks).toEqual([
      { wallMs: 120, cpuMs: 8 },
      { wallMs: 60, cpuMs: 55 },
    ]);
    expect(longest(tasks)).toEqual({ wallMs: 120, cpuMs: 55, over50Wall: 2, over50Cpu: 1 });
  });
});
