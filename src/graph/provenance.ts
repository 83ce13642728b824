// Which cells one entry of a gradient was computed from (llm-viz's "this cell
// came from that row and that column"). Entry e of ∂L/∂X is the sum, over the
// consumers C of X, of Σ_k ∂L/∂C_k · ∂C_k/∂X_e: the terms are one column of
// C's Jacobian (jacobianColumn). Its cells are the gradient entries k of C and,
// where a factor is an element of C's other input (matmul, multiply), those
// value cells. For ∂L/∂W₁₂ in Y = X @ W: column 2 of ∂L/∂Y and column 1 of X.
import type { Graph, Trace } from '../engine';
import { OPS } from '../engine/ops';
import { jacobianColumn } from '../engine/ops/apply';
import type { JacobianTerm } from '../engine/ops/types';

/** One contribution to an entry of ∂L/∂node: what one consumer sent along one edge. */
export interface EntrySource {
  /** The consumer (the node visited) and the edge, in graph indices. */
  readonly consumer: number;
  readonly edge: number;
  /** The consumer's argument slot the node fills. */
  readonly slot: number;
  /** The backward step that sent it (the consumer's visit). */
  readonly step: number;
  /** ∂C_k/∂node_element for each output element k it reaches (and which operand element that factor is). */
  readonly terms: readonly JacobianTerm[];
  /** The entries k of ∂L/∂C the entry sums over. */
  readonly upstream: readonly number[];
  /** Other inputs whose values are factors of the terms (the other side of @ or ×), with those cells. */
  readonly operands: readonly { readonly node: number; readonly slot: number; readonly cells: readonly number[] }[];
}

const memo = new WeakMap<Trace, Map<string, readonly EntrySource[]>>();

/** Every contribution entry `element` of ∂L/∂(node `node`) receives, in the order of the backward pass. */
export function entrySources(graph: Graph, trace: Trace, node: number, element: number): readonly EntrySource[] {
  let byEntry = memo.get(trace);
  if (!byEntry) memo.set(trace, (byEntry = new Map()));
  const key = `${node}:${element}`;
  const hit = byEntry.get(key);
  if (hit) return hit;
  const sources = computeSources(graph, trace, node, element);
  byEntry.set(key, sources);
  return sources;
}

function computeSources(graph: Graph, trace: Trace, node: number, element: number): EntrySource[] {
  const target = graph.nodes[node];
  if (!target || element < 0 || element >= target.tensor.data.length) return [];
  const sources: EntrySource[] = [];
  for (const edgeIndex of graph.outEdges[node]) {
    const edge = graph.edges[edgeIndex];
    const consumer = graph.nodes[edge.to];
    const inputs = consumer.inputs.map((i) => graph.nodes[i].tensor);
    const terms = jacobianColumn(OPS[consumer.op], inputs, consumer.tensor, edge.slot, element, consumer.param);
    const operandCells = new Map<number, number[]>();
    for (const term of terms) {
      if (!term.operand) continue;
      let list = operandCells.get(term.operand.slot);
      if (!list) operandCells.set(term.operand.slot, (list = []));
      list.push(term.operand.element);
    }
    sources.push({
      consumer: consumer.index,
      edge: edgeIndex,
      slot: edge.slot,
      step: trace.visitStep[consumer.index],
      terms,
      upstream: terms.map((t) => t.k),
      operands: [...operandCells].map(([slot, cells]) => ({ node: consumer.inputs[slot], slot, cells })),
    });
  }
  return sources.sort((a, b) => a.step - b.step || a.slot - b.slot);
}

/** The cells to mark in each node: gradient cells (`grad`) and value cells (`value`). */
export interface MarkedCells {
  readonly grad: ReadonlySet<number>;
  readonly value: ReadonlySet<number>;
}

/**
 * The cells that entry `element` of ∂L/∂(node `node`) has been computed from by
 * step `step`: only the contributions sent so far count. Keyed by node index.
 */
export function provenanceAt(graph: Graph, trace: Trace, node: number, element: number, step: number): Map<number, MarkedCells> {
  const marks = new Map<number, { grad: Set<number>; value: Set<number> }>();
  const of = (i: number) => {
    let m = marks.get(i);
    if (!m) marks.set(i, (m = { grad: new Set(), value: new Set() }));
    return m;
  };
  for (const source of entrySources(graph, trace, node, element)) {
    if (source.step < 0 || source.step > step) continue;
    const up = of(source.consumer).grad;
    for (const k of source.upstream) up.add(k);
    for (const operand of source.operands) {
      const cells = of(operand.node).value;
      for (const c of operand.cells) cells.add(c);
    }
  }
  return marks;
}
