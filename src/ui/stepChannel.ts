// One subscription for the whole drawing: on each step, compute the look of
// the nodes and edges that step can change (all of them after a jump or a new
// graph), and wake only the components whose look changed. (With one store
// subscription per node, a 1,000-node graph ran ~3,000 selectors per step.)
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Compiled } from '../engine';
import type { VisualizerState, VisualizerStore } from '../store/visualizer';
import { edgeVisualKey, nodeVisualKey, visualChangeSteps } from './nodeVisual';

export interface StepChannel {
  /** The graph and trace the keys are for (the drawn one). */
  readonly compiled: Compiled;
  subscribe: (key: string, listener: () => void) => () => void;
  /** Called with the keys whose look changed, after each step's key listeners (the overview canvas). */
  subscribeChanges: (listener: (keys: readonly string[]) => void) => () => void;
  get: (key: string) => string;
  /** Starts following the store (call in an effect); returns the function that stops. */
  connect: () => () => void;
}

/** A step further than this from the last one recomputes every look instead of the changed ones. */
const INCREMENTAL_SPAN = 64;

/**
 * Keys: `n<graph node index>` and `e<graph edge index>` of `compiled`, the graph
 * that is drawn. It may be older than the store's while a new layout is made;
 * then it is shown as it was, at the store's step or its own last one.
 */
export function createStepChannel(store: VisualizerStore, compiled: Compiled, nodes: readonly number[], edges: readonly number[]): StepChannel {
  const values = new Map<string, string>();
  const listeners = new Map<string, Set<() => void>>();
  const changeListeners = new Set<(keys: readonly string[]) => void>();
  const changed: string[] = [];
  const update = (key: string, value: string): void => {
    if (values.get(key) === value) return;
    values.set(key, value);
    changed.push(key);
  };
  const stepOf = (s: VisualizerState): number => Math.min(s.step, compiled.trace.end);
  const computeAll = (step: number): void => {
    for (const i of nodes) update(`n${i}`, nodeVisualKey(compiled, i, step));
    for (const i of edges) update(`e${i}`, edgeVisualKey(compiled, i, step));
  };
  // Which looks each step can change; made on the first short step.
  let changes: string[][] | null = null;
  let shown = 0;
  const compute = (step: number): void => {
    if (Math.abs(step - shown) > INCREMENTAL_SPAN) computeAll(step);
    else {
      changes ??= visualChangeSteps(compiled);
      const seen = new Set<string>();
      for (let t = Math.min(step, shown) + 1; t <= Math.max(step, shown); t++) {
        for (const key of changes[t] ?? []) {
          if (seen.has(key) || !values.has(key)) continue; // a key not drawn (inside a collapsed group) has no look
          seen.add(key);
          const i = Number(key.slice(1));
          update(key, key[0] === 'n' ? nodeVisualKey(compiled, i, step) : edgeVisualKey(compiled, i, step));
        }
      }
    }
    shown = step;
  };
  shown = stepOf(store.getState());
  computeAll(shown);
  changed.length = 0;
  const refresh = (s: VisualizerState): void => {
    compute(stepOf(s));
    const keys = changed.splice(0);
    for (const key of keys) listeners.get(key)?.forEach((fn) => fn());
    if (keys.length > 0) changeListeners.forEach((fn) => fn(keys));
  };
  return {
    compiled,
    subscribe: (key, listener) => {
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(listener);
      return () => set?.delete(listener);
    },
    subscribeChanges: (listener) => {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    get: (key) => values.get(key) ?? '',
    connect: () => {
      refresh(store.getState()); // anything that changed before the effect ran
      return store.subscribe((s, before) => {
        if (s.step !== before.step) refresh(s);
      });
    },
  };
}

export const StepChannelContext = createContext<StepChannel | null>(null);

/** The graph and trace being drawn (which may be older than the store's while a new layout is made). */
export function useStepCompiled(): Compiled {
  const channel = useContext(StepChannelContext);
  if (!channel) throw new Error('useStepCompiled needs a StepChannelContext');
  return channel.compiled;
}

/** The look of one node or edge at the current step, re-rendering only when it changes. */
export function useStepKey(key: string): string {
  const channel = useContext(StepChannelContext);
  if (!channel) throw new Error('useStepKey needs a StepChannelContext');
  return useSyncExternalStore(
    (listener) => channel.subscribe(key, listener),
    () => channel.get(key),
  );
}
