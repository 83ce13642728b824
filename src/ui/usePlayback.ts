import { useEffect } from 'react';
import { useVisualizer, useVisualizerStore } from '../store/context';

/** While playing, advances one step per interval; stops at the end. */
export function usePlayback(): void {
  const store = useVisualizerStore();
  const playing = useVisualizer((s) => s.playing);
  const intervalMs = useVisualizer((s) => s.intervalMs);
  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => store.getState().next(), intervalMs);
    return () => window.clearInterval(id);
  }, [playing, intervalMs, store]);
}
