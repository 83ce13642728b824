// The drawing of a compiled graph: draw model and layout. The layout runs in a
// Web Worker (src/graph/layoutClient.ts), so the page stays responsive and the
// layout library is not part of the first download.
import { useEffect, useMemo, useState } from 'react';
import type { Compiled } from '../engine';
import { collapsedModel, type DrawModel } from '../graph/drawModel';
import type { Group } from '../graph/groups';
import type { Layout } from '../graph/layout';
import { layoutInWorker } from '../graph/layoutClient';
import { MAX_DRAW_NODES } from './config';

export interface Drawing {
  compiled: Compiled;
  model: DrawModel;
  layout: Layout;
}

export function useLayout(compiled: Compiled | null, groups: readonly Group[] = []): { drawing: Drawing | null; pending: boolean } {
  const drawable = compiled && compiled.graph.nodes.length <= MAX_DRAW_NODES ? compiled : null;
  const model = useMemo(() => (drawable ? collapsedModel(drawable.graph, groups) : null), [drawable, groups]);
  const [drawing, setDrawing] = useState<Drawing | null>(null);
  useEffect(() => {
    if (!drawable || !model) return;
    let cancelled = false;
    void layoutInWorker(model).then((layout) => {
      if (!cancelled) setDrawing({ compiled: drawable, model, layout });
    });
    return () => {
      cancelled = true;
    };
  }, [drawable, model]);
  if (!drawable) return { drawing: null, pending: false };
  // While a new layout runs, keep showing the previous drawing.
  return { drawing, pending: drawing?.compiled !== drawable || drawing?.model !== model };
}
