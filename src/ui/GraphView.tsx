// The computation graph in SVG: React draws nodes and edges, d3-zoom pans and
// zooms. A new graph is fitted to the window; when that leaves its text too
// small to read, the view follows the step instead (the visited node and its
// inputs, at a readable size), unless following is turned off.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { findGroups } from '../graph/groups';
import { LAYOUT_STAGES } from '../graph/layoutStages';
import { READABLE_SCALE } from '../graph/sizes';
import { useVisualizer, useVisualizerStore } from '../store/context';
import { createStepChannel, StepChannelContext } from './stepChannel';
import { COLORS, DETAIL_NODE_LIMIT, MAX_DRAW_NODES, TENSOR_GRID } from './config';
import { EdgeLayer, NodeLayer } from './GraphLayers';
import { CommandButton } from './CommandButton';
import { COMMANDS } from '../commands/registry';
import { FlowOverlay } from './FlowOverlay';
import { TensorScaleProvider, TensorScaleToggle } from './tensor/scaleMode';
import { focusNodes, followTransform, overviewIsSpecks, unionBox, type Box } from './followView';
import { createPanZoom, insetsFor, type PanZoom } from './panZoom';
import { createCuller, nodeBox, type Culler } from './viewCull';
import { createEdgeCompositor, type EdgeCompositor } from './edgeCompositor';
import { useElementSize } from './useElementSize';
import { useLayout, type Drawing } from './useLayout';
import { OverviewCanvas } from './overview/OverviewCanvas';
import type { OverviewRenderer } from './overview/overviewCanvas';
import { enterSvgDrawing, leaveSvgDrawing, registerSvgDrawing } from './overview/svgDrawing';
import { GraphTContext, useT } from './useT';

/** Big graphs show node labels from this zoom up. */
const DETAIL_SCALE = 0.6;
/** A step this long after the one before glides the view; faster steps move it at once. */
const GLIDE_AFTER_MS = 600;
const GLIDE_MS = 300;
/** While steps come fast (a key held), the view moves at most this often. */
const FOLLOW_THROTTLE_MS = 250;
/** Following zooms in no further than this. */
const FOLLOW_MAX_SCALE = 1.1;
/** A move of the view takes in the nodes of up to this many following steps, where they fit. */
const FOLLOW_LOOKAHEAD = 8;


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
  // The legend sits over the bottom of the graph: fitting and following keep clear of it (two rows or more on a phone).
  // (Measured when asked: the first fit comes in the same commit as the legend.)
  const legendRef = useRef<HTMLUListElement>(null);
  const insets = useCallback(() => insetsFor(legendRef.current?.getBoundingClientRect().height ?? 0), []);
  const svgRef = useRef<SVGSVGElement>(null);
  const layerRef = useRef<SVGGElement>(null);
  const flowLayerRef = useRef<SVGGElement>(null);
  const panZoom = useRef<PanZoom | null>(null);
  // Big graphs draw only what is near the view (viewCull.ts); the view's size is read from here, not measured, on each pan.
  const culler = useRef<Culler | null>(null);
  // A big graph's overview composites its edge groups, except while a zoom settles (edgeCompositor.ts).
  const compositor = useRef<EdgeCompositor | null>(null);
  // A big graph's overview is drawn on a canvas (overview/overviewCanvas.ts); the pan and zoom reach it here.
  const overview = useRef<OverviewRenderer | null>(null);
  // Printing and export draw the graph in SVG (overview/svgDrawing.ts), switched at once, before they read it.
  const [svgOnly, setSvgOnly] = useState(false);
  useEffect(() => registerSvgDrawing((on) => flushSync(() => setSvgOnly(on))), []);
  const viewSizeRef = useRef(viewSize);
  viewSizeRef.current = viewSize;
  // Only crossing DETAIL_SCALE re-renders the graph, not every frame of a zoom.
  const [zoomedIn, setZoomedIn] = useState(false);
  // Tensor grids draw their digits from this zoom up (their colours below it); also re-rendered only on crossing.
  const [gridNumbers, setGridNumbers] = useState(true);
  // Following is on by default up to DETAIL_NODE_LIMIT nodes (every lesson). Bigger
  // graphs open as an overview without labels, and a pan on every step would add a
  // repaint of the whole graph to each; the toggle turns it on for them too. A big
  // graph whose overview is specks (a long chain is a hairline) follows as well.
  const [followChoice, setFollowChoice] = useState<boolean | null>(null);
  const t = useT();

  useEffect(() => {
    if (!svgRef.current || !layerRef.current || !flowLayerRef.current) return;
    const pz = createPanZoom(
      svgRef.current,
      [layerRef.current, flowLayerRef.current],
      (t) => {
        setZoomedIn(t.k >= DETAIL_SCALE);
        setGridNumbers(t.k * TENSOR_GRID.fontPx >= TENSOR_GRID.minNumberPx);
        const size = viewSizeRef.current;
        if (size) culler.current?.update(t, size.width, size.height);
        compositor.current?.viewed(t.k);
        overview.current?.setView(t);
      },
      insets,
    );
    panZoom.current = pz;
    compositor.current = createEdgeCompositor(svgRef.current);
    return () => {
      pz.destroy();
      panZoom.current = null;
      compositor.current?.destroy();
      compositor.current = null;
    };
  }, [insets]);

  const width = drawing?.layout.width ?? 0;
  const height = drawing?.layout.height ?? 0;
  const count = drawing?.compiled.graph.nodes.length ?? 0;
  const specks = useMemo(
    () =>
      Boolean(drawing && viewSize) &&
      overviewIsSpecks(viewSize!, { width, height }, Math.max(...drawing!.model.nodes.map((n) => n.height)), maxScale),
    [drawing, viewSize, width, height, maxScale],
  );
  const follow = followChoice ?? (count <= DETAIL_NODE_LIMIT || specks);

  // Where each graph node is drawn: its own position, or its collapsed group's.
  const drawnAt = useMemo(() => {
    if (!drawing) return null;
    const at = new Int32Array(drawing.compiled.graph.nodes.length).fill(-1);
    drawing.model.nodes.forEach((n, k) => {
      for (const m of n.group?.members ?? []) at[m] = k;
      at[n.index] = k;
    });
    return at;
  }, [drawing]);

  /** Brings step `step`'s nodes into sight at a readable size (nothing when they are). */
  const followStep = useCallback(
    (step: number, durationMs: number) => {
      const pz = panZoom.current;
      const svg = svgRef.current;
      if (!pz || !svg || !drawing || !drawnAt) return;
      const box = (k: number): Box => nodeBox(drawing, k);
      const drawnOf = (s: number) => [...new Set(focusNodes(drawing.compiled, s).map((i) => drawnAt[i]))].filter((k) => k >= 0);
      const drawn = drawnOf(step);
      const focus = unionBox(drawn.map(box));
      if (!focus) return;
      const end = drawing.compiled.trace.end;
      const ahead: Box[] = [];
      const aheadAnchors: Box[] = [];
      for (let s = Math.max(step, 1) + 1; s <= Math.min(end, step + FOLLOW_LOOKAHEAD); s++) {
        const nodes = drawnOf(s);
        const next = unionBox(nodes.map(box));
        if (next) ahead.push(next);
        if (nodes.length > 0) aheadAnchors.push(box(nodes[0]));
      }
      const { width: w, height: h } = svg.getBoundingClientRect();
      const move = followTransform({
        view: { width: w, height: h },
        insets: insets(),
        current: pz.transform(),
        focus,
        anchor: box(drawn[0]),
        ahead,
        aheadAnchors,
        minScale: READABLE_SCALE,
        // Near natural size: closer in shows too little around the step.
        maxScale: Math.max(READABLE_SCALE, Math.min(maxScale, FOLLOW_MAX_SCALE)),
      });
      if (move) pz.moveTo(move, durationMs);
    },
    [drawing, drawnAt, maxScale, insets],
  );

  /** The default view: the whole graph, or, when that is too small to read and following is on, the current step. */
  const showDefault = useCallback(() => {
    const pz = panZoom.current;
    if (!pz) return;
    pz.fit(width, height, maxScale);
    if (follow && pz.fitScale(width, height, maxScale) < READABLE_SCALE) followStep(store.getState().step, 0);
  }, [width, height, maxScale, follow, followStep, store]);

  /** Culls to the view as it is now (a pan or zoom culls through panZoom's onZoom). */
  const cullToView = (c: Culler | null) => {
    const size = viewSizeRef.current;
    if (c && panZoom.current && size) c.update(panZoom.current.transform(), size.width, size.height);
  };

  // Culling starts with each drawing of a big graph, before the default view's first move.
  useLayoutEffect(() => {
    const layer = layerRef.current;
    if (!drawing || !layer || drawing.compiled.graph.nodes.length <= DETAIL_NODE_LIMIT) return;
    const c = createCuller(layer, drawing);
    culler.current = c;
    cullToView(c);
    return () => {
      c.destroy();
      if (culler.current === c) culler.current = null;
    };
  }, [drawing]);

  useLayoutEffect(() => cullToView(culler.current), [viewSize]);

  useLayoutEffect(() => {
    showDefault();
    // A new drawing (or size limit) gets the default view; toggling following is handled by its button.
  }, [drawing, width, height, maxScale]);

  // When the window changes size, show the default view again unless the user has panned or zoomed.
  useLayoutEffect(() => {
    if (panZoom.current && !panZoom.current.touched()) showDefault();
  }, [viewSize]);

  // Following: each step brings its nodes into sight. Not through React: a step
  // must not re-render the whole graph. Unhurried steps glide, fast ones jump,
  // and while a key is held the view moves at most every FOLLOW_THROTTLE_MS.
  useEffect(() => {
    if (!follow || !drawing) return;
    const glide = count <= DETAIL_NODE_LIMIT ? GLIDE_MS : 0;
    let lastStep = -Infinity;
    let lastMove = -Infinity;
    let timer: number | undefined;
    const run = (durationMs: number) => {
      lastMove = performance.now();
      followStep(store.getState().step, durationMs);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.step === prev.step) return;
      const now = performance.now();
      const gap = now - lastStep;
      lastStep = now;
      window.clearTimeout(timer);
      if (gap >= GLIDE_AFTER_MS) run(glide);
      else if (now - lastMove >= FOLLOW_THROTTLE_MS) run(0);
      else timer = window.setTimeout(() => run(0), FOLLOW_THROTTLE_MS - (now - lastMove));
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, [follow, drawing, count, followStep, store]);

  const fitAll = useCallback(() => panZoom.current?.fit(width, height, maxScale), [width, height, maxScale]);
  // The fit command (F, the ⤢ button) asks through the store: the view fits on each new request.
  const fitRequests = useVisualizer((s) => s.fitRequests);
  const fitsSeen = useRef(fitRequests);
  useEffect(() => {
    if (fitRequests === fitsSeen.current) return;
    fitsSeen.current = fitRequests;
    fitAll();
  }, [fitRequests, fitAll]);

  const toggleFollow = () => {
    const on = !follow;
    setFollowChoice(on);
    if (on) followStep(store.getState().step, GLIDE_MS);
    else fitAll();
  };

  usePrintView(svgRef, layerRef, culler);

  const big = count > DETAIL_NODE_LIMIT;
  // Level of detail: big graphs show labels only once zoomed in enough to read them.
  const detail = !big || zoomedIn;
  useEffect(() => compositor.current?.setEnabled(big && !detail && Boolean(drawing)), [big, detail, drawing]);
  const edgeDetail = !big;
  // The overview of a big graph of numbers is painted on a canvas; vectors and matrices keep their SVG grids.
  const numbersOnly = useMemo(() => Boolean(drawing?.model.nodes.every((n) => drawing.compiled.graph.nodes[n.index].shape.length === 0)), [drawing]);
  const canvasMode = !svgOnly && big && !detail && numbersOnly;
  const currentView = useCallback(() => panZoom.current?.transform() ?? { x: 0, y: 0, k: 1 }, []);
  const sized = viewSize ? { width: viewSize.width, height: viewSize.height } : undefined;
  // Parameters and data are drawn apart where the program has both (§10: with no `param`, every input is a parameter).
  const roles = Boolean(drawing?.compiled.graph.nodes.some((n) => n.op === 'input' && n.role === 'data'));

  return (
    <TensorScaleProvider>
    <div className="graph-view" ref={viewRef}>
      <svg ref={svgRef} className="graph-svg" style={sized} role="group" aria-label={t('graph.label')} data-testid="graph" data-canvas={canvasMode ? '' : undefined}>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={COLORS.edge} />
          </marker>
        </defs>
        <g ref={layerRef}>
          {drawing && channel && (
            <StepChannelContext.Provider value={channel}>
            <GraphTContext.Provider value={t}>
            <g className={['graph-content', pending && 'stale', roles && 'show-roles'].filter(Boolean).join(' ')}>
              <EdgeLayer drawing={drawing} labels={edgeDetail} arrows={detail} layers={big} />
              <SelectionRing drawing={drawing} drawnAt={drawnAt} />
              <NodeLayer drawing={drawing} detail={detail} gridNumbers={gridNumbers} focusable={!big} onCanvas={canvasMode} layers={big} />
            </g>
            </GraphTContext.Provider>
            </StepChannelContext.Provider>
          )}
        </g>
      </svg>
      {canvasMode && drawing && channel && (
        <OverviewCanvas drawing={drawing} channel={channel} size={sized} roles={roles} stale={Boolean(pending)} view={currentView} rendererRef={overview} />
      )}
      <svg className="graph-flow" style={sized} aria-hidden="true">
        <g ref={flowLayerRef}>{drawing && <FlowOverlay drawing={drawing} />}</g>
      </svg>
      <div className="graph-top">
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
      <div className="graph-tools">
        <TensorScaleToggle compiled={drawing?.compiled} />
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
        <CommandButton command={COMMANDS.fit} testId="fit-all">
          ⤢
        </CommandButton>
        <button type="button" className="follow-toggle" onClick={toggleFollow} aria-pressed={follow} title={t('graph.followHint')} data-testid="follow-toggle">
          {t('graph.follow')}
        </button>
      </div>
      </div>
      {compiled && compiled.graph.nodes.length > MAX_DRAW_NODES && (
        <div className="graph-too-big" role="status">
          {t('graph.tooBig', { count: compiled.graph.nodes.length, max: MAX_DRAW_NODES })}
        </div>
      )}
      <Legend roles={roles} listRef={legendRef} />
    </div>
    </TensorScaleProvider>
  );
}

/** A ring around the node the student tapped, clicked or focused (it alone re-renders on selection). */
function SelectionRing({ drawing, drawnAt }: { drawing: Drawing; drawnAt: Int32Array | null }) {
  const selected = useVisualizer((s) => s.selected);
  const k = selected === null || !drawnAt || selected >= drawnAt.length ? -1 : drawnAt[selected];
  if (k < 0) return null;
  const { x, y } = drawing.layout.nodes[k];
  const { width: w, height: h, kind } = drawing.model.nodes[k];
  const pad = 6;
  const r = kind === 'op' ? h / 2 + pad : 8 + pad;
  return <rect className="selection-ring" data-testid="selection-ring" x={x - w / 2 - pad} y={y - h / 2 - pad} width={w + 2 * pad} height={h + 2 * pad} rx={r} ry={r} />;
}

/**
 * While printing, the <svg> shows the whole graph whatever the zoom: its
 * viewBox is set to the drawing's bounds (and the pan and zoom put back after).
 * Chromium switches to print media for window.print() and for page.pdf().
 */
function usePrintView(svgRef: RefObject<SVGSVGElement | null>, layerRef: RefObject<SVGGElement | null>, culler: RefObject<Culler | null>): void {
  useEffect(() => {
    const svg = svgRef.current;
    const layer = layerRef.current;
    if (!svg || !layer || typeof window.matchMedia !== 'function') return;
    let saved: string | null = null;
    let inSvg = false;
    const enter = () => {
      if (saved !== null) return;
      if (!inSvg) enterSvgDrawing();
      inSvg = true;
      const content = layer.querySelector<SVGGElement>('.graph-content');
      if (!content) return;
      culler.current?.pause();
      const b = content.getBBox();
      if (b.width <= 0 || b.height <= 0) return;
      saved = layer.getAttribute('transform') ?? '';
      layer.removeAttribute('transform');
      const pad = 8;
      svg.setAttribute('viewBox', `${b.x - pad} ${b.y - pad} ${b.width + 2 * pad} ${b.height + 2 * pad}`);
    };
    const leave = () => {
      if (inSvg) leaveSvgDrawing();
      inSvg = false;
      if (saved === null) return;
      svg.removeAttribute('viewBox');
      layer.setAttribute('transform', saved);
      saved = null;
      culler.current?.resume();
    };
    const media = window.matchMedia('print');
    const onChange = (e: MediaQueryListEvent) => (e.matches ? enter() : leave());
    media.addEventListener('change', onChange);
    window.addEventListener('beforeprint', enter);
    window.addEventListener('afterprint', leave);
    return () => {
      media.removeEventListener('change', onChange);
      window.removeEventListener('beforeprint', enter);
      window.removeEventListener('afterprint', leave);
      leave();
    };
  }, [svgRef, layerRef, culler]);
}

function Legend({ roles, listRef }: { roles: boolean; listRef: RefObject<HTMLUListElement | null> }) {
  const t = useT();
  return (
    <ul className="legend" aria-hidden="true" ref={listRef}>
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
