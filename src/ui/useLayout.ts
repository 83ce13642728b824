// The drawing of a compiled graph: draw model and layout. Small graphs are laid
// out at once; big ones in a Web Worker so the page stays responsive.
import { useEffect, useMemo, useState } from 'react';
import type { Compiled } from '../engine';
import { toDrawModel, type DrawModel } from '../graph/drawModel';
import { layoutGraph, type Layout } from '../graph/layout';
import { layoutInWorker } from '../graph/layoutClient';
import { MAX_DRAW_NODES } from './config';

const SYNC_LIMIT = 400;

export interface Drawing {
  compiled: Compiled;
  model: DrawModel;
  layout: Layout;
}

export function useLayout(compiled: Compiled | null): { drawing: Drawing | null; pending: boolean } {
  const drawable = compiled && compiled.graph.nodes.length <= MAX_DRAW_NODES ? compiled : null;
  const model = useMemo(() => (drawable ? toDrawModel(drawable.graph) : null), [drawable]);
  const sync = useMemo(
    () => (compiled && model && compiled.graph.nodes.length <= SYNC_LIMIT ? { compiled, model, layout: layoutGraph(model) } : null),
    [compiled, model],
  );
  const [async, setAsync] = useState<Drawing | null>(null);
  useEffect(() => {
    if (!compiled || !model || sync) return;
    let cancelled = false;
    void layoutInWorker(model).then((layout) => {
      if (!cancelled) setAsync({ compiled, model, layout });
    });
    return () => {
      cancelled = true;
    };
  }, [compiled, model, sync]);
  if (!drawable) return { drawing: null, pending: false };
  if (sync) return { drawing: sync, pending: false };
  const ready = async && async.compiled === compiled ? async : null;
  // While a big layout runs, keep showing the previous drawing.
  return { drawing: ready ?? async, pending: !ready && compiled !== null };
}
