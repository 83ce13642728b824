// The update written out follows the student's pick in the graph: clicking a
// parameter (or one entry of a vector or matrix parameter) watches that entry.
import { useEffect } from 'react';
import { useTraining, useTrainingStore, useVisualizer } from '../../store/context';

export function useFollowSelection(): void {
  const selected = useVisualizer((s) => s.selected);
  const entry = useVisualizer((s) => s.selectedEntry);
  const node = useVisualizer((s) => (s.selected === null ? null : (s.compiled?.graph.nodes[s.selected] ?? null)));
  const params = useTraining((s) => s.info?.params ?? null);
  const training = useTrainingStore();
  useEffect(() => {
    if (!node || !params || node.op !== 'input' || node.role !== 'param') return;
    const param = params.find((p) => p.id === node.id);
    if (!param) return;
    const index = entry && entry.node === node.index ? entry.element : 0;
    const watch = training.getState().watch;
    if (watch?.id !== param.id || watch.index !== index) training.getState().setWatch({ id: param.id, index });
  }, [selected, entry, node, params, training]);
}
