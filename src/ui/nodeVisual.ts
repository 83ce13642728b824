// What one node or edge looks like at the current step, as a primitive string
// so that a store subscription re-renders only the nodes whose look changed.
import { edgeContribution, nodeStateAt, type Compiled } from '../engine';

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
  return `${step === visit ? 'backward' : 'carried'}|${carried ? String(carried.contribution.amount) : ''}`;
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
