// The edges and the nodes of a drawing, in memoised chunks of CHUNK elements.
// When one node's look changes on a step, React walks from the root down to
// it and copies the child list of every element on the way: with all 1,000
// nodes under one <g>, that was a copy of 1,000 entries per changed node (about
// 3 ms a step at 1,000 nodes). In chunks, it copies a few dozen. The chunks
// render fragments, so the SVG is the same as without them.
import { memo } from 'react';
import { GraphEdgeView } from './GraphEdgeView';
import { GraphNodeView } from './GraphNodeView';
import type { Drawing } from './useLayout';

export const CHUNK = 48;

interface EdgeChunkProps {
  drawing: Drawing;
  start: number;
  /** Edge labels (the numbers carried). */
  detail: boolean;
  /** Arrowheads: left out of a big graph's overview, where they are a pixel or two and each is painted on its own. */
  arrows: boolean;
}

const EdgeChunk = memo(function EdgeChunk({ drawing, start, detail, arrows }: EdgeChunkProps) {
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
        detail={detail}
        arrow={arrows}
        fromConst={model.nodes[from].op === 'const'}
      />,
    );
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

export function EdgeLayer({ drawing, detail, arrows }: Omit<EdgeChunkProps, 'start'>) {
  return (
    <g className="edges">
      {starts(drawing.model.edges.length).map((start) => (
        <EdgeChunk key={start} drawing={drawing} start={start} detail={detail} arrows={arrows} />
      ))}
    </g>
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
