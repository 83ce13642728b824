// The computation graph in SVG: React draws nodes and edges, d3-zoom pans and
// zooms, and the graph is fitted to the window whenever a new graph arrives.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { findGroups } from '../graph/groups';
import { LAYOUT_STAGES } from '../graph/layoutStages';
import { useVisualizer, useVisualizerStore } from '../store/context';
import { createStepChannel, StepChannelContext } from './stepChannel';
import { COLORS, DETAIL_NODE_LIMIT, MAX_DRAW_NODES } from './config';
import { GraphEdgeView } from './GraphEdgeView';
import { GraphNodeView } from './GraphNodeView';
import { FlowOverlay } from './FlowOverlay';
import { createPanZoom, type PanZoom } from './panZoom';
import { useElementSize } from './useElementSize';
import { useLayout } from './useLayout';
import { useT } from './useT';

export function GraphView({ maxScale = 1.6 }: { maxScale?: number }) {
  const compiled = useVisualizer((s) => s.compiled);
  const groups = useMemo(() => (compiled ? findGroups(compiled.graph) : []), [compiled]);
  const collapsed = useVisualizer((s) => s.collapsed);
  const setCollapsed = useVisualizer((s) => s.setCollapsed);
  const shownGroups = useMemo(() => groups.filter((g) => collapsed.includes(g.id)), [groups, collapsed]);
  const { drawing, pending } = useLayout(compiled, shownGroups);
  const store = useVisualizerStore();
  const channel = useMemo(
    () => (drawing ? createStepChannel(store, drawing.compiled, drawing.model.nodes.map((n) => n.index), drawing.model.edgeIds) : null),
    [drawing, store],
  );
  useEffect(() => channel?.connect(), [channel]);
  const viewRef = useRef<HTMLDivElement>(null);
  const viewSize = useElementSize(viewRef);
  const svgRef = useRef<SVGSVGElement>(null);
  const layerRef = useRef<SVGGElement>(null);
  const flowLayerRef = useRef<SVGGElement>(null);
  const panZoom = useRef<PanZoom | null>(null);
  const [scale, setScale] = useState(1);
  const t = useT();

  useEffect(() => {
    if (!svgRef.current || !layerRef.current || !flowLayerRef.current) return;
    const pz = createPanZoom(svgRef.current, [layerRef.current, flowLayerRef.current], setScale);
    panZoom.current = pz;
    return () => {
      pz.destroy();
      panZoom.current = null;
    };
  }, []);

  const width = drawing?.layout.width ?? 0;
  const height = drawing?.layout.height ?? 0;
  useLayoutEffect(() => {
    panZoom.current?.fit(width, height, maxScale);
  }, [drawing, width, height, maxScale]);

  // When the window changes size, refit unless the user has panned or zoomed.
  useLayoutEffect(() => {
    if (panZoom.current && !panZoom.current.touched()) panZoom.current.fit(width, height, maxScale);
  }, [viewSize]);

  const big = (drawing?.compiled.graph.nodes.length ?? 0) > DETAIL_NODE_LIMIT;
  // Level of detail: big graphs show labels only once zoomed in enough to read them.
  const detail = !big || scale >= 0.6;
  const edgeDetail = !big;
  const sized = viewSize ? { width: viewSize.width, height: viewSize.height } : undefined;
  // Parameters and data are drawn apart where the program has both (§10: with no `param`, every input is a parameter).
  const roles = Boolean(drawing?.compiled.graph.nodes.some((n) => n.op === 'input' && n.role === 'data'));

  return (
    <div className="graph-view" ref={viewRef}>
      <svg ref={svgRef} className="graph-svg" style={sized} role="group" aria-label={t('graph.label')} data-testid="graph">
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={COLORS.edge} />
          </marker>
        </defs>
        <g ref={layerRef}>
          {drawing && channel && (
            <StepChannelContext.Provider value={channel}>
            <g className={['graph-content', pending && 'stale', roles && 'show-roles'].filter(Boolean).join(' ')}>
              <g className="edges">
                {drawing.model.edges.map(([from, to], k) => {
                  const edge = drawing.model.edgeIds[k];
                  const graph = drawing.compiled.graph;
                  return (
                    <GraphEdgeView
                      key={`${edge}:${from}:${to}`}
                      index={edge}
                      from={graph.nodes[drawing.model.nodes[from].index].id}
                      to={graph.nodes[drawing.model.nodes[to].index].id}
                      points={drawing.layout.edges[k].points}
                      detail={edgeDetail}
                    />
                  );
                })}
              </g>
              <g className="nodes">
                {drawing.model.nodes.map((draw, k) => (
                  <GraphNodeView
                    key={draw.id}
                    node={drawing.compiled.graph.nodes[draw.index]}
                    draw={draw}
                    x={drawing.layout.nodes[k].x}
                    y={drawing.layout.nodes[k].y}
                    detail={detail}
                    focusable={!big}
                  />
                ))}
              </g>
            </g>
            </StepChannelContext.Provider>
          )}
        </g>
      </svg>
      <svg className="graph-flow" style={sized} aria-hidden="true">
        <g ref={flowLayerRef}>{drawing && <FlowOverlay drawing={drawing} />}</g>
      </svg>
      {pending && (
        <div className="graph-pending" role="status" data-testid="layout-progress">
          {pending.stage
            ? t('graph.layingOutStage', {
                count: pending.nodes,
                stage: t(`graph.stage.${pending.stage}`),
                k: LAYOUT_STAGES.indexOf(pending.stage) + 1,
                n: LAYOUT_STAGES.length,
              })
            : t('graph.layingOut', { count: pending.nodes })}
        </div>
      )}
      {compiled && compiled.graph.nodes.length > MAX_DRAW_NODES && (
        <div className="graph-too-big" role="status">
          {t('graph.tooBig', { count: compiled.graph.nodes.length, max: MAX_DRAW_NODES })}
        </div>
      )}
      <div className="graph-tools">
        {groups.length > 0 && (
          <button
            type="button"
            aria-pressed={shownGroups.length > 0}
            onClick={() => setCollapsed(shownGroups.length > 0 ? [] : groups.map((g) => g.id))}
            data-testid="collapse-toggle"
          >
            {shownGroups.length > 0 ? t('graph.expandAll') : t('graph.collapseAll')}
          </button>
        )}
        <button type="button" onClick={() => panZoom.current?.zoomBy(1.25)} aria-label={t('graph.zoomIn')} title={t('graph.zoomIn')}>
          +
        </button>
        <button type="button" onClick={() => panZoom.current?.zoomBy(0.8)} aria-label={t('graph.zoomOut')} title={t('graph.zoomOut')}>
          −
        </button>
        <button type="button" onClick={() => panZoom.current?.fit(width, height, maxScale)} aria-label={t('graph.fit')} title={t('graph.fit')}>
          ⤢
        </button>
      </div>
      <Legend roles={roles} />
    </div>
  );
}

function Legend({ roles }: { roles: boolean }) {
  const t = useT();
  return (
    <ul className="legend" aria-hidden="true">
      <li>
        <span className="swatch value" /> {t('legend.value')}
      </li>
      <li>
        <span className="swatch partial" /> {t('legend.partial')}
      </li>
      <li>
        <span className="swatch final" /> {t('legend.final')}
      </li>
      {roles && (
        <>
          <li>
            <span className="swatch param" /> {t('legend.param')}
          </li>
          <li>
            <span className="swatch data" /> {t('legend.data')}
          </li>
        </>
      )}
    </ul>
  );
}
