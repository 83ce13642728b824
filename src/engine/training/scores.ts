// Which node of a classifier holds its scores (one row per example, one column
// per class), for accuracy and the decision boundary.
import type { Graph } from '../graph';

/**
 * The scores of the data line's rows: the first input of softmax_cross_entropy
 * against Y, else the last node computed from X with Y's shape (a squared-error
 * classifier's outputs); null when there is none.
 */
export function scoresNode(graph: Graph): number | null {
  const data = graph.data;
  if (!data) return null;
  const sce = graph.nodes.find((n) => n.op === 'softmax_cross_entropy' && n.inputs[1] === data.y);
  if (sce) return sce.inputs[0];
  // Computed from X but not from Y: predictions, not a comparison with the targets.
  const fromX = new Uint8Array(graph.nodes.length);
  const fromY = new Uint8Array(graph.nodes.length);
  fromX[data.x] = 1;
  fromY[data.y] = 1;
  const y = graph.nodes[data.y].shape;
  let found: number | null = null;
  for (const node of graph.nodes) {
    if (node.inputs.some((i) => fromX[i] === 1)) fromX[node.index] = 1;
    if (node.inputs.some((i) => fromY[i] === 1)) fromY[node.index] = 1;
    if (fromX[node.index] && !fromY[node.index] && node.index !== data.x && node.shape.length === 2 && node.shape[1] === y[1]) found = node.index;
  }
  return found;
}
