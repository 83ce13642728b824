import { describe, expect, it } from 'vitest';
import { createRepeatGate } from './keyRepeat';

/** A hand-driven frame clock. */
function frames() {
  let next = 1;
  const queued = new Map<number, () => void>();
  return {
    schedule: (cb: () => void) => {
      queued.set(next, cb);
      return next++;
    },
    unschedule: (h: number) => void queued.delete(h),
    tick: () => {
      const cbs = [...queued.values()];
      queued.clear();
      cbs.forEach((cb) => cb());
    },
    get waiting() {
      return queued.size;
    },
  };
}

describe('a held key', () => {
  it('runs its repeats together at the next frame, one frame request for many repeats', () => {
    const clock = frames();
    const gate = createRepeatGate(clock.schedule, clock.unschedule);
    const ran: number[] = [];
    for (let i = 0; i < 5; i++) gate.repeat(() => ran.push(i));
    expect(ran).toEqual([]);
    expect(clock.waiting).toBe(1);
    clock.tick();
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    gate.repeat(() => ran.push(9));
    clock.tick();
    expect(ran).toEqual([0, 1, 2, 3, 4, 9]);
  });

  it('flush runs the waiting repeats at once, in order, and the frame finds nothing left', () => {
    const clock = frames();
    const gate = createRepeatGate(clock.schedule, clock.unschedule);
    const ran: string[] = [];
    gate.repeat(() => ran.push('a'));
    gate.repeat(() => ran.push('b'));
    gate.flush();
    ran.push('other key');
    expect(ran).toEqual(['a', 'b', 'other key']);
    expect(clock.waiting).toBe(0);
    clock.tick();
    expect(ran).toEqual(['a', 'b', 'other key']);
  });

  it('cancel forgets the waiting repeats', () => {
    const clock = frames();
    const gate = createRepeatGate(clock.schedule, clock.unschedule);
    let count = 0;
    gate.repeat(() => count++);
    gate.cancel();
    clock.tick();
    expect(count).toBe(0);
  });
});
