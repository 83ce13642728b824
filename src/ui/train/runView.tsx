// What the Train tab draws of the run: a snapshot of the training store taken
// at most every 250 ms, rendered as a React transition (interruptible, in
// small slices), so a run reporting ten times a second never holds the page.
import { createContext, startTransition, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTrainingStore } from '../../store/context';
import type { TrainingState } from '../../store/training';

/** Longest time between two pictures of the run while it changes. */
export const RUN_VIEW_MS = 250;

const RunContext = createContext<TrainingState | null>(null);

/** The training state, taken at most every `ms` (a change of status at the next frame). */
export function useThrottledRun(ms = RUN_VIEW_MS): TrainingState {
  const store = useTrainingStore();
  const [snapshot, setSnapshot] = useState(() => store.getState());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const flush = () => {
      timer = null;
      last = performance.now();
      startTransition(() => setSnapshot(store.getState()));
    };
    setSnapshot(store.getState());
    const stop = store.subscribe((s, before) => {
      if (timer !== null) return;
      const soon = s.status !== before.status || s.text !== before.text;
      timer = setTimeout(flush, soon ? 16 : Math.max(0, ms - (performance.now() - last)));
    });
    return () => {
      stop();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, ms]);
  return snapshot;
}

export function RunProvider({ children }: { children: ReactNode }) {
  const run = useThrottledRun();
  return <RunContext.Provider value={run}>{children}</RunContext.Provider>;
}

/** One part of the run's latest picture (inside the Train tab). */
export function useRun<T>(selector: (s: TrainingState) => T): T {
  const run = useContext(RunContext);
  if (!run) throw new Error('useRun must be used inside <RunProvider>');
  return selector(run);
}

