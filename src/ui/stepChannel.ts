// One subscription for the whole drawing: on each step, compute the look of
// the nodes and edges that step can change (all of them after a jump or a new
// graph), and wake only the components whose look changed. (With one store
// subscription per node, a 1,000-node graph ran ~3,000 selectors per step.)
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { VisualizerState, VisualizerStore } from '../store/visualizer';
import { edgeVisualKey, nodeVisualKey, visualChangeSteps } from './nodeVisual';

export interface StepChannel {
  subscribe: (key: string, listener: () => void) => () => void;
  get: (key: string) => string;
  /** Starts following the store (call in an effect); returns the function that stops. */
  connect: () => () => void;
}

/** A step further than this from the last one recomputes every look instead of the changed ones. */
const INCREMENTAL_SPAN = 64;

/** Keys: `n<graph node index>` and `e<graph edge index>`. */
export function createStepChannel(store: VisualizerStore, nodes: readonly number[], edges: readonly number[]): StepChannel {
  const values = new Map<string, string>();
  const listeners = new Map<string, Set<() => void>>();
  const changed: string[] = [];
  const update = (key: string, value: string): void => {
    if (values.get(key) === value) return;
    values.set(key, value);
    changed.push(key);
  };
  const computeOne = (s: VisualizerState, key: string): void => {
    const i = Number(key.slice(1));
    update(key, key[0] === 'n' ? nodeVisualKey(s.compiled, i, s.step) : edgeVisualKey(s.compiled, i, s.step));
  };
  const computeAll = (s: VisualizerState): void => {
    for (const i of nodes) update(`n${i}`, nodeVisualKey(s.compiled, i, s.step));
    for (const i of edges) update(`e${i}`, edgeVisualKey(s.compiled, i, s.step));
  };
  // Which looks each step can change, for the graph the looks were computed for.
  let shown: { compiled: VisualizerState['compiled']; step: number; changes: string[][] | null } = { compiled: null, step: 0, changes: null };
  const compute = (s: VisualizerState): void => {
    const near = s.compiled === shown.compiled && s.compiled !== null && Math.abs(s.step - shown.step) <= INCREMENTAL_SPAN;
    if (!near) computeAll(s);
    else {
      if (!shown.changes) shown.changes = visualChangeSteps(s.compiled!);
      const seen = new Set<string>();
      for (let t = Math.min(s.step, shown.step) + 1; t <= Math.max(s.step, shown.step); t++) {
        for (const key of shown.changes[t] ?? []) {
          if (seen.has(key) || !values.has(key)) continue; // a key not drawn (inside a collapsed group) has no look
          seen.add(key);
          computeOne(s, key);
        }
      }
    }
    shown = { compiled: s.compiled, step: s.step, changes: s.compiled === shown.compiled ? shown.changes : null };
  };
  compute(store.getState());
  changed.length = 0;
  const refresh = (s: VisualizerState): void => {
    compute(s);
    const keys = changed.splice(0);
    for (const key of keys) listeners.get(key)?.forEach((fn) => fn());
  };
  return {
    subscribe: (key, listener) => {
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(listener);
      return () => set?.delete(listener);
    },
    get: (key) => values.get(key) ?? '',
    connect: () => {
      refresh(store.getState()); // anything that changed before the effect ran
      return store.subscribe((s, before) => {
        if (s.step !== before.step || s.compiled !== before.compiled) refresh(s);
      });
    },
  };
}

export const StepChannelContext = createContext<StepChannel | null>(null);

/** The look of one node or edge at the current step, re-rendering only when it changes. */
export function useStepKey(key: string): string {
  const channel = useContext(StepChannelContext);
  if (!channel) throw new Error('useStepKey needs a StepChannelContext');
  return useSyncExternalStore(
    (listener) => channel.subscribe(key, listener),
    () => channel.get(key),
  );
}
