// One subscription for the whole drawing: on each step, compute every node's
// and edge's look, and wake only the components whose look changed. (With one
// store subscription per node, a 1,000-node graph ran ~3,000 selectors per step.)
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { VisualizerState, VisualizerStore } from '../store/visualizer';
import { edgeVisualKey, nodeVisualKey } from './nodeVisual';

export interface StepChannel {
  subscribe: (key: string, listener: () => void) => () => void;
  get: (key: string) => string;
  /** Starts following the store (call in an effect); returns the function that stops. */
  connect: () => () => void;
}

/** Keys: `n<graph node index>` and `e<graph edge index>`. */
export function createStepChannel(store: VisualizerStore, nodes: readonly number[], edges: readonly number[]): StepChannel {
  const values = new Map<string, string>();
  const listeners = new Map<string, Set<() => void>>();
  const compute = (s: VisualizerState): void => {
    for (const i of nodes) update(`n${i}`, nodeVisualKey(s.compiled, i, s.step));
    for (const i of edges) update(`e${i}`, edgeVisualKey(s.compiled, i, s.step));
  };
  const changed: string[] = [];
  const update = (key: string, value: string): void => {
    if (values.get(key) === value) return;
    values.set(key, value);
    changed.push(key);
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
