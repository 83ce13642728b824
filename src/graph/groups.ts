// Repeated structure that can be drawn as one node: each neuron of a built
// network (its products, sum, z and activation) and each softmax-with-cross-
// entropy block (exp, sum, divide, log). Found from the builder's names.
import type { Graph } from '../engine';
import { parseUnitName, unitName } from '../engine/network';

export type GroupKind = 'neuron' | 'softmax';

export interface Group {
  readonly id: string;
  readonly kind: GroupKind;
  /** The name the group node shows (`z1_2`, `L`). */
  readonly label: string;
  /** Graph node indices inside the group, the output included. */
  readonly members: readonly number[];
  /** The node whose value and gradient the group node shows. */
  readonly output: number;
}

/** Nodes of a statement: the named node and its anonymous parts (`z1_2~0`, …). */
function statementNodes(graph: Graph, name: string): number[] {
  return graph.nodes.filter((n) => n.id === name || n.id.startsWith(`${name}~`)).map((n) => n.index);
}

const cache = new WeakMap<Graph, readonly Group[]>();

/** The groups of a graph, computed once per graph (the drawing and the step panel both ask on every step). */
export function findGroups(graph: Graph): readonly Group[] {
  let groups = cache.get(graph);
  if (!groups) cache.set(graph, (groups = computeGroups(graph)));
  return groups;
}

function computeGroups(graph: Graph): Group[] {
  const byLabel = new Map(graph.nodes.filter((n) => n.label).map((n) => [n.label as string, n.index]));
  const groups: Group[] = [];
  for (const node of graph.nodes) {
    const name = parseUnitName(node.label);
    if (name?.letter !== 'z' || node.op === 'input') continue;
    const aName = unitName({ ...name, letter: 'a' });
    const members = [...statementNodes(graph, node.label as string), ...(byLabel.has(aName) ? statementNodes(graph, aName) : [])];
    groups.push({ id: `neuron:${node.label}`, kind: 'neuron', label: node.label as string, members, output: byLabel.get(aName) ?? node.index });
  }
  // Softmax + cross-entropy: loss = -log(p_c) with p_k = e_k / total, e_k = exp(·).
  for (const node of graph.nodes) {
    if (node.op !== 'log') continue;
    const p = graph.nodes[node.inputs[0]];
    const m = /^p\d+(r\d+)?$/.exec(p.label ?? '');
    if (!m) continue;
    const row = m[1] ?? '';
    const lossName = node.id.split('~')[0];
    const members = new Set<number>(statementNodes(graph, lossName));
    for (const n of graph.nodes) {
      const label = n.label ?? n.id.split('~')[0];
      if (new RegExp(`^(e|p)\\d+${row}$`).test(label) || label === `total${row}`) members.add(n.index);
    }
    const output = byLabel.get(lossName);
    if (output !== undefined) groups.push({ id: `softmax:${lossName}`, kind: 'softmax', label: lossName, members: [...members], output });
  }
  return groups;
}
