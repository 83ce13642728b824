// The edges and the nodes of a drawing, in memoised chunks of CHUNK elements.
// When one node's look changes on a step, React walks from the root down to
// it and copies the child list of every element on the way: with all 1,000
// nodes under one <g>, that was a copy of 1,000 entries per changed node (about
// 3 ms a step at 1,000 nodes). In chunks, it copies a few dozen. The chunks
// render fragments, so the SVG is the same as without them; in a big graph
// each is also a paint layer of its own (paintLayers.ts), and the edge chunks
// are gathered in EDGE_GROUPS groups that an overview composites
// (edgeCompositor.ts).
import { memo, useMemo, type ReactNode } from 'react';
import { placeEdgeLabels, type Spot } from '../graph/edgeLabels';
import { unionBox, type Box } from './followView';
import { GraphEdgeLabel, GraphEdgeView } from './GraphEdgeView';
import { GraphNodeView } from './GraphNodeView';
import { chunkBoxes, NODE_LAYER_PAD } from './paintLayers';
import type { Drawing } from './useLayout';
import { drawingBoxes } from './viewCull';

export const CHUNK = 48;
/** A big graph's edges are split into this many groups, each a compositor layer in an overview: measured on the builder's 2,156 edges, two or three took a step's raster from 5.4 to 1.2–2 ms, while each more layer adds to every frame's drawing. */
export const EDGE_GROUPS = 3;

/**
 * `children` drawn in a layer of their own when `box` is given: a
 * <foreignObject> over the box holding an <svg> whose user units are the
 * drawing's, so the content is placed exactly as without it.
 *
 * The layer starts with an invisible rectangle over the whole box, so that
 * what it paints always covers the same area. A step widens the stroke of the
 * nodes and edges it visits; where one of them lay on the edge of its chunk,
 * the area Blink recorded for the chunk changed, and Blink then worked out all
 * the page's compositor layers again (Layerize: 2.6–2.8 ms of a builder step's
 * CPU, 1.1–1.3 ms with the rectangle).
 */
function PaintLayer({ box, group = false, children }: { box: Box | null; group?: boolean; children: ReactNode }) {
  if (!box) return <>{children}</>;
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  return (
    <foreignObject className={group ? 'paint-layer edge-group' : 'paint-layer'} x={box.x0} y={box.y0} width={w} height={h}>
      <svg xmlns="http://www.w3.org/2000/svg" className="paint-layer-svg" viewBox={`${box.x0} ${box.y0} ${w} ${h}`} width={w} height={h}>
        <rect className="layer-bounds" x={box.x0} y={box.y0} width={w} height={h} fill="transparent" pointerEvents="none" aria-hidden="true" />
        {children}
      </svg>
    </foreignObject>
  );
}

/** The layer box of each chunk of `kind`, or null when the graph is drawn without layers. */
function useLayerBoxes(drawing: Drawing, layers: boolean, kind: 'nodes' | 'edges'): (Box | null)[] | null {
  return useMemo(() => (layers ? chunkBoxes(drawingBoxes(drawing)[kind], CHUNK, kind === 'nodes' ? NODE_LAYER_PAD : 0) : null), [drawing, layers, kind]);
}

interface EdgeChunkProps {
  drawing: Drawing;
  start: number;
  /** The chunk's paint layer (big graphs), or null. */
  box: Box | null;
  /** Arrowheads: left out of a big graph's overview, where they are a pixel or two and each is painted on its own. */
  arrows: boolean;
}

const EdgeChunk = memo(function EdgeChunk({ drawing, start, box, arrows }: EdgeChunkProps) {
  const { model, layout, compiled } = drawing;
  const graph = compiled.graph;
  const out = [];
  for (let k = start; k < Math.min(start + CHUNK, model.edges.length); k++) {
    const [from, to] = model.edges[k];
    const edge = model.edgeIds[k];
    out.push(
      <GraphEdgeView
        key={`${edge}:${from}:${to}`}
        index={edge}
        from={graph.nodes[model.nodes[from].index].id}
        to={graph.nodes[model.nodes[to].index].id}
        points={layout.edges[k].points}
        arrow={arrows}
        fromConst={model.nodes[from].op === 'const'}
      />,
    );
  }
  return <PaintLayer box={box}>{out}</PaintLayer>;
});

const LabelChunk = memo(function LabelChunk({ drawing, start, spots }: { drawing: Drawing; start: number; spots: readonly Spot[] }) {
  const { model } = drawing;
  const out = [];
  for (let k = start; k < Math.min(start + CHUNK, model.edges.length); k++) {
    const [from, to] = model.edges[k];
    const edge = model.edgeIds[k];
    out.push(<GraphEdgeLabel key={`${edge}:${from}:${to}`} index={edge} at={spots[k]} fromConst={model.nodes[from].op === 'const'} />);
  }
  return <>{out}</>;
});

interface NodeChunkProps {
  drawing: Drawing;
  start: number;
  /** The chunk's paint layer (big graphs), or null. */
  box: Box | null;
  detail: boolean;
  gridNumbers: boolean;
  focusable: boolean;
  /** The nodes' looks are painted on the overview canvas (overview/overviewCanvas.ts). */
  onCanvas: boolean;
}

const NodeChunk = memo(function NodeChunk({ drawing, start, box, detail, gridNumbers, focusable, onCanvas }: NodeChunkProps) {
  const { model, layout, compiled } = drawing;
  const out = [];
  for (let k = start; k < Math.min(start + CHUNK, model.nodes.length); k++) {
    const draw = model.nodes[k];
    out.push(
      <GraphNodeView
        key={draw.id}
        node={compiled.graph.nodes[draw.index]}
        draw={draw}
        x={layout.nodes[k].x}
        y={layout.nodes[k].y}
        detail={detail}
        gridNumbers={gridNumbers}
        focusable={focusable}
        onCanvas={onCanvas}
      />,
    );
  }
  return <PaintLayer box={box}>{out}</PaintLayer>;
});

/** The chunk ranges [from, to) of the EDGE_GROUPS groups, as even as they divide. */
export function edgeGroups(chunks: number, groups = EDGE_GROUPS): [number, number][] {
  const per = Math.ceil(chunks / groups);
  const out: [number, number][] = [];
  for (let from = 0; from < chunks; from += per) out.push([from, Math.min(chunks, from + per)]);
  return out;
}

const starts = (length: number): number[] => Array.from({ length: Math.ceil(length / CHUNK) }, (_, i) => i * CHUNK);

/** The edges, and above all of them the numbers they carry (`labels`: small graphs only); `layers`: a paint layer per chunk. */
export function EdgeLayer({ drawing, labels, arrows, layers }: { drawing: Drawing; labels: boolean; arrows: boolean; layers: boolean }) {
  const boxes = useLayerBoxes(drawing, layers, 'edges');
  // Placed once per drawing: clear of the nodes and of each other.
  const spots = useMemo(
    () =>
      labels
        ? placeEdgeLabels(
            drawing.layout.edges.map((e) => e.points),
            drawing.model.nodes.map((n, k) => ({ x: drawing.layout.nodes[k].x, y: drawing.layout.nodes[k].y, width: n.width, height: n.height })),
          )
        : null,
    [drawing, labels],
  );
  const chunks = starts(drawing.model.edges.length);
  const chunkOf = (start: number) => <EdgeChunk key={start} drawing={drawing} start={start} box={boxes?.[start / CHUNK] ?? null} arrows={arrows} />;
  return (
    <>
      <g className="edges">
        {boxes
          ? edgeGroups(chunks.length).map(([from, to]) => (
              <PaintLayer key={from} group box={unionBox(boxes.slice(from, to).filter((b): b is Box => b !== null))}>
                {chunks.slice(from, to).map(chunkOf)}
              </PaintLayer>
            ))
          : chunks.map(chunkOf)}
      </g>
      {spots && (
        <g className="edge-labels">
          {chunks.map((start) => (
            <LabelChunk key={start} drawing={drawing} start={start} spots={spots} />
          ))}
        </g>
      )}
    </>
  );
}

export function NodeLayer({ drawing, detail, gridNumbers, focusable, onCanvas, layers }: Omit<NodeChunkProps, 'start' | 'box'> & { layers: boolean }) {
  const boxes = useLayerBoxes(drawing, layers, 'nodes');
  return (
    <g className="nodes">
      {starts(drawing.model.nodes.length).map((start) => (
        <NodeChunk key={start} drawing={drawing} start={start} box={boxes?.[start / CHUNK] ?? null} detail={detail} gridNumbers={gridNumbers} focusable={focusable} onCanvas={onCanvas} />
      ))}
    </g>
  );
}
