import type { Pos } from './ast';
import type { OpName } from './ops';

/** One node of a program's computation graph. Nodes are stored in topological (program) order. */
export interface GraphNode {
  /** Position in `Graph.nodes`; also a topological rank. */
  readonly index: number;
  /** Stable id: the name for named nodes, `<statement>~<k>` for anonymous ones. */
  readonly id: string;
  readonly op: OpName;
  /** The program name for inputs and named intermediates; null for anonymous nodes. */
  readonly label: string | null;
  /** Ordered input node indices (`a * a` lists the same node twice). */
  readonly inputs: readonly number[];
  /** Forward value (may be ±Infinity or NaN: see `nonFinite`). */
  readonly value: number;
  /** Where the node was written in the source. */
  readonly pos: Pos;
  /** For `const` and `input` nodes, the literal as written (`-2`, `.5`). */
  readonly literal: string | null;
  /**
   * A constant folded into the op: the exponent of `x ^ 2`. Such a power node
   * has one input, as in micrograd, so no gradient is sent to a constant exponent
   * (it would be undefined, a^b·ln a, whenever the base is negative).
   */
  readonly param: number | null;
}

/** An edge carries a value forward from `from` into argument `slot` of `to`, and a gradient back. */
export interface GraphEdge {
  readonly index: number;
  readonly from: number;
  readonly to: number;
  readonly slot: number;
}

export interface Graph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Index of the output node (the last statement): the loss L. */
  readonly output: number;
  /** For each node, the indices of edges leaving it (towards its consumers), in program order. */
  readonly outEdges: readonly (readonly number[])[];
  /** For each node, the indices of edges entering it, by slot. */
  readonly inEdges: readonly (readonly number[])[];
}

export function nodeById(graph: Graph, id: string): GraphNode | undefined {
  return graph.nodes.find((n) => n.id === id);
}
