// Local or shared heatmap colours (CNN Explainer offers both). Local, the
// default: each heatmap is scaled to its own largest |x|, so every matrix shows
// its pattern. Shared: one range for all values and one for all gradients of
// the program, so that colours compare across nodes (and across steps: the
// gradient range is the largest |entry| any gradient reaches in the whole walk).
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Compiled } from '../../engine';
import { useT } from '../useT';
import { symmetricMax } from './colorScale';

export type ScaleMode = 'local' | 'shared';

const ScaleContext = createContext<{ mode: ScaleMode; setMode: (mode: ScaleMode) => void }>({ mode: 'local', setMode: () => {} });

/** Holds the choice for one graph view. */
export function TensorScaleProvider({ children }: { children: ReactNode }) {
  const [mode, setMode] = useState<ScaleMode>('local');
  const value = useMemo(() => ({ mode, setMode }), [mode]);
  return <ScaleContext.Provider value={value}>{children}</ScaleContext.Provider>;
}

export function useScaleMode(): ScaleMode {
  return useContext(ScaleContext).mode;
}

const shared = new WeakMap<Compiled, { value: number; grad: number }>();

/** The shared ranges of a program: the largest finite |x| over every tensor value, and over every gradient of every step. */
export function sharedRanges(compiled: Compiled): { value: number; grad: number } {
  let ranges = shared.get(compiled);
  if (!ranges) {
    let value = 0;
    let grad = 0;
    for (const node of compiled.graph.nodes) {
      if (node.shape.length === 0) continue;
      value = Math.max(value, symmetricMax(node.tensor.data));
      for (const g of compiled.trace.gradTensors[node.index]) grad = Math.max(grad, symmetricMax(g.data));
    }
    shared.set(compiled, (ranges = { value, grad }));
  }
  return ranges;
}

/** The switch beside the zoom buttons, shown for programs with vectors or matrices. */
export function TensorScaleToggle({ compiled }: { compiled: Compiled | null | undefined }) {
  const { mode, setMode } = useContext(ScaleContext);
  const t = useT();
  if (!compiled?.graph.hasTensors) return null;
  return (
    <button
      type="button"
      aria-pressed={mode === 'shared'}
      title={t('tensor.scaleHelp')}
      onClick={() => setMode(mode === 'shared' ? 'local' : 'shared')}
      data-testid="tensor-scale-toggle"
    >
      {t('tensor.scaleShared')}
    </button>
  );
}
