// A graph as things to draw: each node a value box or an op pill of known size.
import { OPS, type Graph, type GraphNode, type OpName } from '../engine';
import { displayIsName, displayLabelText, displayName, superscriptText } from '../engine/names';
import type { Group } from './groups';
import { shapeText } from '../engine/tensor/tensor';
import { estimateNameWidth, gateChipWidth, OP_NODE, VALUE_NODE, valueNodeWidth } from './sizes';
import { tensorHeaderWidth, tensorNodeSize } from './tensorSize';

/** A tensor node's title font size (styles.css, `.node-tensor .node-title`). */
const TENSOR_TITLE_PX = 13.5;

export type DrawKind = 'value' | 'op';

export interface DrawNode {
  readonly index: number;
  readonly id: string;
  readonly op: OpName;
  readonly label: string | null;
  readonly kind: DrawKind;
  /** What an op node shows: `+`, `×`, `x²`. */
  readonly symbol: string;
  /**
   * The operation a value box shows beside its name, as a gate (`+` beside `q`
   * in `q = x + y`): set for named computed nodes and neuron groups, null for
   * inputs, constants and op pills (which show their symbol as their title).
   */
  readonly gate: string | null;
  readonly width: number;
  readonly height: number;
  /** Set when this node stands for a collapsed group (it shows the group's output). */
  readonly group?: Group;
}

export interface DrawModel {
  readonly nodes: readonly DrawNode[];
  /** [from, to] positions in `nodes`, one per drawn edge (parallel edges repeat). */
  readonly edges: readonly (readonly [number, number])[];
  /** The graph edge each drawn edge stands for (identity when nothing is collapsed). */
  readonly edgeIds: readonly number[];
}

/** The symbol drawn in an op node (from the op's registry entry). */
export function opSymbol(op: OpName): string {
  return OPS[op].symbol;
}

/** The symbol of a node's op, with a folded exponent written in: `x²`, `x⁻¹`, `x^0.5`. */
export function nodeSymbol(node: Pick<GraphNode, 'op' | 'param'>): string {
  if (node.op === 'pow' && node.param !== null) {
    const p = String(node.param);
    return /^-?\d{1,2}$/.test(p) ? `x${superscriptText(p)}` : `x^${p}`;
  }
  return OPS[node.op].symbol;
}

/** What a named box writes as its title, for its width: a display label as text, else the name. */
function titleOf(n: GraphNode): { name: ReturnType<typeof displayName> | null; text: string | null } {
  if (n.display !== null && !displayIsName(n.display)) return { name: null, text: displayLabelText(n.display) };
  return { name: displayName(n.display ?? n.label ?? ''), text: null };
}

/** The header width a tensor node needs for its gate chip, its title and its shape badge. */
function tensorHeaderNeed(n: GraphNode, kind: DrawKind, symbol: string, gate: string | null): number {
  const title = kind === 'op' ? { name: null, text: symbol } : n.label !== null ? titleOf(n) : { name: null, text: '' };
  const nameWidth = title.name !== null ? estimateNameWidth(title.name, TENSOR_TITLE_PX) : [...(title.text ?? '')].length * 0.62 * TENSOR_TITLE_PX;
  return tensorHeaderWidth(shapeText(n.shape), nameWidth, gate === null ? 0 : gateChipWidth(gate));
}

/** Whether a node is a leaf (an input or a constant): it computes nothing. */
export const isLeafOp = (op: OpName): boolean => op === 'input' || op === 'const';

/**
 * Inputs, constants and named intermediates are value boxes; anonymous ops are
 * op pills. Every computed node shows its operation: a pill as its title, a
 * named value box as a gate beside its name.
 */
export function toDrawModel(graph: Graph): DrawModel {
  const nodes = graph.nodes.map((n): DrawNode => {
    const kind: DrawKind = isLeafOp(n.op) || n.label !== null ? 'value' : 'op';
    const symbol = nodeSymbol(n);
    const gate = kind === 'value' && !isLeafOp(n.op) ? symbol : null;
    const size = n.shape.length > 0 ? tensorNodeSize(n.shape, tensorHeaderNeed(n, kind, symbol, gate)) : kind === 'op' || n.op === 'const' ? OP_NODE : VALUE_NODE;
    // A long name or display label widens its box rather than being cut.
    const width = kind === 'value' && n.op !== 'const' && n.label !== null && n.shape.length === 0 ? valueNodeWidth(titleOf(n), gate) : size.width;
    return { index: n.index, id: n.id, op: n.op, label: n.label, kind, symbol, gate, width, height: size.height };
  });
  return { nodes, edges: graph.edges.map((e) => [e.from, e.to] as const), edgeIds: graph.edges.map((e) => e.index) };
}

/**
 * The gate of a collapsed group: a neuron shows its activation (`σ`, `ReLU`),
 * or `Σ` when it is linear; a softmax block names itself in its title instead.
 */
function groupGate(graph: Graph, group: Group): string | null {
  if (group.kind !== 'neuron') return null;
  const output = graph.nodes[group.output];
  // Without an activation the group's output is z = Σ w·a + b itself.
  return output.label === group.label ? 'Σ' : nodeSymbol(output);
}

/**
 * The draw model with some groups drawn as one node each: members vanish, the
 * group's output stands for them, edges into or out of a group attach to it and
 * edges inside it are not drawn.
 */
export function collapsedModel(graph: Graph, groups: readonly Group[]): DrawModel {
  const full = toDrawModel(graph);
  if (groups.length === 0) return full;
  const rep = graph.nodes.map((n) => n.index);
  const groupOf = new Map<number, Group>();
  for (const g of groups) {
    for (const m of g.members) rep[m] = g.output;
    groupOf.set(g.output, g);
  }
  const nodes: DrawNode[] = [];
  const position = new Map<number, number>();
  for (const n of full.nodes) {
    if (rep[n.index] !== n.index) continue;
    const group = groupOf.get(n.index);
    position.set(n.index, nodes.length);
    nodes.push(group ? { ...n, kind: 'value', gate: groupGate(graph, group), width: VALUE_NODE.width, height: VALUE_NODE.height, group } : n);
  }
  const edges: (readonly [number, number])[] = [];
  const edgeIds: number[] = [];
  for (const e of graph.edges) {
    const from = rep[e.from];
    const to = rep[e.to];
    if (from === to) continue;
    edges.push([position.get(from) as number, position.get(to) as number]);
    edgeIds.push(e.index);
  }
  return { nodes, edges, edgeIds };
}
