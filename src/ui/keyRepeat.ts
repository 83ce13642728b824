// A held key: the browser repeats it about 30 times a second. When a step of a
// big graph takes longer than that to draw, running every repeat at once queues
// redraws and the drawing freezes until the key is let go. Instead, repeats are
// counted and run together at the next animation frame: one redraw a frame,
// skipping steps when the drawing is slower than the key.

export interface RepeatGate {
  /** Counts one repeat of `run`; runs all counted repeats at the next frame. */
  repeat: (run: () => void) => void;
  /** Runs the counted repeats now (another key comes next: it runs after them). */
  flush: () => void;
  /** Forgets repeats not yet run (the page goes away). */
  cancel: () => void;
}

export function createRepeatGate(
  schedule: (callback: () => void) => number = (cb) => requestAnimationFrame(cb),
  unschedule: (handle: number) => void = (h) => cancelAnimationFrame(h),
): RepeatGate {
  let pending: (() => void)[] = [];
  let handle: number | null = null;
  const flush = () => {
    if (handle !== null) unschedule(handle);
    handle = null;
    const runs = pending;
    pending = [];
    for (const run of runs) run();
  };
  return {
    repeat: (run) => {
      pending.push(run);
      if (handle === null) handle = schedule(flush);
    },
    flush,
    cancel: () => {
      pending = [];
      if (handle !== null) unschedule(handle);
      handle = null;
    },
  };
}
