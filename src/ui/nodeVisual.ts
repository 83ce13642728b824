// What one node or edge looks like at the current step, as a primitive string
// so that a store subscription re-renders only the nodes whose look changed.
import { edgeContribution, gradIndexAt, nodeStateAt, type Compiled } from '../engine';
import { shapeText } from '../engine/tensor/tensor';

export type NodeRole = '' | 'visit' | 'receive' | 'compute' | 'operand';

export interface NodeVisual {
  value: number | undefined;
  grad: number | undefined;
  final: boolean;
  role: NodeRole;
}

function roleOf(compiled: Compiled, index: number, step: number): NodeRole {
  const s = compiled.trace.steps[step];
  if (!s || s.kind === 'start') return '';
  if (s.kind === 'forward' || s.kind === 'seed') {
    if (s.node === index) return s.kind === 'seed' ? 'visit' : 'compute';
    return s.kind === 'forward' && compiled.graph.nodes[s.node].inputs.includes(index) ? 'operand' : '';
  }
  if (s.node === index) return 'visit';
  return s.contributions.some((c) => c.to === index) ? 'receive' : '';
}

const num = (x: number | undefined): string => (x === undefined ? '' : String(x));

export function nodeVisualKey(compiled: Compiled | null, index: number, step: number): string {
  if (!compiled || index >= compiled.graph.nodes.length) return '';
  if (compiled.graph.nodes[index].shape.length > 0) return tensorVisualKey(compiled, index, step);
  const state = nodeStateAt(compiled.graph, compiled.trace, index, step);
  return `${num(state.value)}|${num(state.grad)}|${state.final ? 1 : 0}|${roleOf(compiled, index, step)}`;
}

export function parseNodeVisual(key: string): NodeVisual {
  const [value, grad, final, role] = key.split('|');
  return {
    value: value === '' || value === undefined ? undefined : Number(value),
    grad: grad === '' || grad === undefined ? undefined : Number(grad),
    final: final === '1',
    role: (role ?? '') as NodeRole,
  };
}

/** What a vector or matrix node shows, read back from its key: the tensors themselves are in the trace. */
export interface TensorVisual {
  /** Whether the forward value is shown yet. */
  shown: boolean;
  /** Which entry of the trace's gradTensors[node] is shown; -1 before any gradient arrives. */
  gradIndex: number;
  final: boolean;
  role: NodeRole;
}

/**
 * `T<shown>|<gradient index>|<final>|<role>`: cheap to make and compare, never the
 * numbers themselves (the JSON of a 64×784 gradient is a megabyte), so that a
 * step wakes only the tensor nodes whose gradient entry or role changed.
 */
export function tensorVisualKey(compiled: Compiled, index: number, step: number): string {
  const { trace } = compiled;
  const shown = step >= trace.valueStep[index] ? 1 : 0;
  const final = trace.finalStep[index] >= 0 && step >= trace.finalStep[index] ? 1 : 0;
  return `T${shown}|${gradIndexAt(trace, index, step)}|${final}|${roleOf(compiled, index, step)}`;
}

export function parseTensorVisual(key: string): TensorVisual {
  const [shown, gradIndex, final, role] = key.split('|');
  return { shown: shown === 'T1', gradIndex: gradIndex === undefined ? -1 : Number(gradIndex), final: final === '1', role: (role ?? '') as NodeRole };
}

export type EdgeRole = '' | 'forward' | 'backward' | 'carried';

/** `role|amount`: an edge is active during its step and labelled once it has carried a gradient. */
export function edgeVisualKey(compiled: Compiled | null, edgeIndex: number, step: number): string {
  if (!compiled || edgeIndex >= compiled.graph.edges.length) return '';
  const { graph, trace } = compiled;
  const edge = graph.edges[edgeIndex];
  const s = trace.steps[step];
  if (s?.kind === 'forward' && s.node === edge.to) return 'forward|';
  const visit = trace.visitStep[edge.to];
  if (visit < 0 || step < visit) return '|';
  const carried = edgeContribution(graph, trace, edgeIndex);
  const amount = carried?.contribution.tensors.amount;
  // A vector or matrix carried is labelled with its shape (`#2×3`), its numbers being in the node it reaches.
  const label = !amount ? '' : amount.shape.length > 0 ? `#${shapeText(amount.shape)}` : String(carried.contribution.amount);
  return `${step === visit ? 'backward' : 'carried'}|${label}`;
}

/**
 * For each step t, the node and edge keys (`n<i>`, `e<i>`) whose look may differ
 * between step t − 1 and step t. It mirrors what nodeVisualKey and edgeVisualKey
 * read: a value, gradient or final flag arriving at t, and a role held at t
 * (which also ends at t + 1). Stepping from a to b needs only the keys listed
 * for the steps between them.
 */
export function visualChangeSteps(compiled: Compiled): string[][] {
  const { graph, trace } = compiled;
  const byStep: string[][] = trace.steps.map(() => []);
  const at = (step: number, key: string) => {
    if (step >= 0 && step < byStep.length) byStep[step].push(key);
  };
  const held = (step: number, key: string) => {
    at(step, key);
    at(step + 1, key);
  };
  for (let i = 0; i < graph.nodes.length; i++) {
    const key = `n${i}`;
    at(trace.valueStep[i], key);
    for (const t of trace.gradSteps[i]) at(t, key);
    at(trace.finalStep[i], key);
  }
  trace.steps.forEach((s, t) => {
    if (s.kind === 'start') return;
    held(t, `n${s.node}`);
    if (s.kind === 'forward') {
      for (const input of graph.nodes[s.node].inputs) held(t, `n${input}`);
      for (const edge of graph.inEdges[s.node]) held(t, `e${edge}`);
    } else if (s.kind === 'backward') {
      for (const c of s.contributions) held(t, `n${c.to}`);
    }
  });
  // An edge turns 'backward' at its consumer's visit and 'carried' one step later.
  for (const edge of graph.edges) {
    const visit = trace.visitStep[edge.to];
    if (visit >= 0) held(visit, `e${edge.index}`);
  }
  return byStep;
}
