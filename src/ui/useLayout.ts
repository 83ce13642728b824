// The drawing of a compiled graph: draw model and layout. The layout runs in a
// Web Worker (src/graph/layoutClient.ts), so the page stays responsive and the
// layout library is not part of the first download.
import { startTransition, useEffect, useMemo, useState } from 'react';
import type { Compiled } from '../engine';
import { collapsedModel, type DrawModel } from '../graph/drawModel';
import type { Group } from '../graph/groups';
import type { Layout } from '../graph/layout';
import type { LayoutStage } from '../graph/layoutStages';
import { layoutInWorker } from '../graph/layoutClient';
import { MAX_DRAW_NODES } from './config';

export interface Drawing {
  compiled: Compiled;
  model: DrawModel;
  layout: Layout;
}

/** A layout under way: how many nodes, and the stage the worker has reached. */
export interface LayoutProgress {
  nodes: number;
  stage: LayoutStage | null;
}

export function useLayout(compiled: Compiled | null, groups: readonly Group[] = []): { drawing: Drawing | null; pending: LayoutProgress | null } {
  const drawable = compiled && compiled.graph.nodes.length <= MAX_DRAW_NODES ? compiled : null;
  const model = useMemo(() => (drawable ? collapsedModel(drawable.graph, groups) : null), [drawable, groups]);
  const [drawing, setDrawing] = useState<Drawing | null>(null);
  const [stage, setStage] = useState<{ model: DrawModel; stage: LayoutStage } | null>(null);
  useEffect(() => {
    if (!drawable || !model) return;
    let cancelled = false;
    void layoutInWorker(model, (reached) => {
      if (!cancelled) setStage({ model, stage: reached });
    }).then((layout) => {
      // A transition: React draws the new graph in slices, so keys typed meanwhile are not held back.
      if (!cancelled) startTransition(() => setDrawing({ compiled: drawable, model, layout }));
    });
    return () => {
      cancelled = true;
    };
  }, [drawable, model]);
  if (!drawable || !model) return { drawing: null, pending: null };
  // While a new layout runs, keep showing the previous drawing.
  const done = drawing?.compiled === drawable && drawing?.model === model;
  return { drawing, pending: done ? null : { nodes: model.nodes.length, stage: stage?.model === model ? stage.stage : null } };
}
