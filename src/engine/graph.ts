import type { Pos } from './ast';
import type { DataBinding } from './dataLine';
import type { OpName } from './ops';
import type { Shape, Tensor } from './tensor/tensor';

/**
 * What an input is for (CONTRACTS §10): `param` (weights that training changes)
 * or `data` (fixed). Computed nodes and constants have no role.
 */
export type InputRole = 'param' | 'data';

/** One node of a program's computation graph. Nodes are stored in topological (program) order. */
export interface GraphNode {
  /** Position in `Graph.nodes`; also a topological rank. */
  readonly index: number;
  /**
   * Stable id: the name for named nodes (`c`, and `c@2`, `c@3` for later
   * versions of a name assigned again), `<id of the statement>~<k>` for anonymous ones.
   */
  readonly id: string;
  readonly op: OpName;
  /** The program name for inputs and named intermediates; null for anonymous nodes. */
  readonly label: string | null;
  /** Which assignment of `label` made this node: 1 for the first, 2 for `c` assigned again, …; 0 for anonymous nodes. */
  readonly version: number;
  /** A display label written in the program (micrograd's `label='x1*w1'`), shown as written; else null. */
  readonly display: string | null;
  /** Ordered input node indices (`a * a` lists the same node twice). */
  readonly inputs: readonly number[];
  /** The forward value: a number (shape []), a vector or a matrix. */
  readonly tensor: Tensor;
  /** `tensor.shape`. */
  readonly shape: Shape;
  /** The forward value of a number node (may be ±Infinity or NaN); NaN for vectors and matrices. */
  readonly value: number;
  /** For inputs: parameter or data (§10); null for other nodes. */
  readonly role: InputRole | null;
  /** Where the node was written in the source. */
  readonly pos: Pos;
  /** For `const` and `input` nodes, the literal as written (`-2`, `.5`, `[1, 2]`, `randn(3, 2, seed=1)`). */
  readonly literal: string | null;
  /**
   * A constant folded into the op: the exponent of `x ^ 2` (such a power node
   * has one input, as in micrograd, so no gradient is sent to a constant
   * exponent: it would be undefined, a^b·ln a, whenever the base is negative),
   * or the axis of `sum(A, 0)`.
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
  /** Index of the output node (the last statement, or `OUT.backward()`): the loss L. */
  readonly output: number;
  /** For each node, the indices of edges leaving it (towards its consumers), in program order. */
  readonly outEdges: readonly (readonly number[])[];
  /** For each node, the indices of edges entering it, by slot. */
  readonly inEdges: readonly (readonly number[])[];
  /** Whether any node is a vector or a matrix. */
  readonly hasTensors: boolean;
  /** The data line's data set and the mini-batch X and Y hold, when the program has one. */
  readonly data?: DataBinding;
}

export function nodeById(graph: Graph, id: string): GraphNode | undefined {
  return graph.nodes.find((n) => n.id === id);
}

/** The inputs of a graph that training changes: those marked `param`, or every input when none is. */
export function parameterNodes(graph: Graph): GraphNode[] {
  return graph.nodes.filter((n) => n.op === 'input' && n.role === 'param');
}
