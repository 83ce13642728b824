import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createVisualizerStore, type VisualizerInit, type VisualizerState, type VisualizerStore } from './visualizer';

const StoreContext = createContext<VisualizerStore | null>(null);

/** Creates one store for the visualizer below it (two providers, two independent diagrams). */
export function VisualizerProvider({
  init,
  store: given,
  children,
}: {
  init: VisualizerInit;
  /** A store created outside, when the page needs to watch it (e.g. to keep the URL in step). */
  store?: VisualizerStore;
  children: ReactNode;
}) {
  const [store] = useState(() => given ?? createVisualizerStore(init));
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useVisualizerStore(): VisualizerStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useVisualizer must be used inside <VisualizerProvider>');
  return store;
}

/** Subscribes to one slice of the store; re-renders only when that slice changes. */
export function useVisualizer<T>(selector: (state: VisualizerState) => T): T {
  return useStore(useVisualizerStore(), selector);
}
