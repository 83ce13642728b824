// The edges and the nodes of a drawing, in memoised chunks of CHUNK elements.
// When one node's look changes on a step, React walks from the root down to
// it and copies the child list of every element on the way: with all 1,000
// nodes under one <g>, that was a copy of 1,000 entries per changed node (about
// 3 ms a step at 1,000 nodes). In chunks, it copies a few dozen. The chunks
// render fragments, so the SVG is the same as without them.
import { memo, useMemo } from 'react';
import { placeEdgeLabels, type Spot } from '../graph/edgeLabels';
import { GraphEdgeLabel, GraphEdgeView } from './GraphEdgeView';
import { GraphNodeView } from './GraphNodeView';
import type { Drawing } from './useLayout';

export const CHUNK = 48;

interface EdgeChunkProps {
  drawing: Drawing;
  start: number;
  /** Arrowheads: left out of a big graph's overview, where they are a pixel or two and each is painted on its own. */
  arrows: boolean;
}

const EdgeChunk = memo(function EdgeChunk({ drawing, start, arrows }: EdgeChunkProps) {
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
  return <>{out}</>;
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
  detail: boolean;
  gridNumbers: boolean;
  focusable: boolean;
}

const NodeChunk = memo(function NodeChunk({ drawing, start, detail, gridNumbers, focusable }: NodeChunkProps) {
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
      />,
    );
  }
  return <>{out}</>;
});

const starts = (length: number): number[] => Array.from({ length: Math.ceil(length / CHUNK) }, (_, i) => i * CHUNK);

/** The edges, and above all of them the numbers they carry (`labels`: small graphs only). */
export function EdgeLayer({ drawing, labels, arrows }: { drawing: Drawing; labels: boolean; arrows: boolean }) {
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
  return (
    <>
      <g className="edges">
        {chunks.map((start) => (
          <EdgeChunk key={start} drawing={drawing} start={start} arrows={arrows} />
        ))}
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

export function NodeLayer({ drawing, detail, gridNumbers, focusable }: Omit<NodeChunkProps, 'start'>) {
  return (
    <g className="nodes">
      {starts(drawing.model.nodes.length).map((start) => (
        <NodeChunk key={start} drawing={drawing} start={start} detail={detail} gridNumbers={gridNumbers} focusable={focusable} />
      ))}
    </g>
  );
}
