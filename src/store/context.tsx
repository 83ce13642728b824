import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createTrainerClient } from '../train/client';
import { createTrainingStore, type TrainingState, type TrainingStore } from './training';
import { createVisualizerStore, type VisualizerInit, type VisualizerState, type VisualizerStore } from './visualizer';

const StoreContext = createContext<VisualizerStore | null>(null);
const TrainingContext = createContext<TrainingStore | null>(null);

/**
 * Creates one store for the visualizer below it (two providers, two independent
 * diagrams), and beside it the visualizer's training run, which outlives any tab.
 */
export function VisualizerProvider({
  init,
  store: given,
  training: givenTraining,
  children,
}: {
  init: VisualizerInit;
  /** A store created outside, when the page needs to watch it (e.g. to keep the URL in step). */
  store?: VisualizerStore;
  /** A training store created outside (tests pass one with an in-process trainer). */
  training?: TrainingStore;
  children: ReactNode;
}) {
  const [store] = useState(() => given ?? createVisualizerStore(init));
  // The trainer (a worker) starts only when a run starts.
  const [training] = useState(() => givenTraining ?? createTrainingStore(createTrainerClient));
  useEffect(() => () => training.getState().dispose(), [training]);
  return (
    <StoreContext.Provider value={store}>
      <TrainingContext.Provider value={training}>{children}</TrainingContext.Provider>
    </StoreContext.Provider>
  );
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

export function useTrainingStore(): TrainingStore {
  const store = useContext(TrainingContext);
  if (!store) throw new Error('useTraining must be used inside <VisualizerProvider>');
  return store;
}

/** Subscribes to one slice of the training run. */
export function useTraining<T>(selector: (state: TrainingState) => T): T {
  return useStore(useTrainingStore(), selector);
}
