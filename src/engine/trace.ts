import type { Graph } from './graph';
import { OPS } from './ops';
import type { Contribution, NodeState, Phase, Step, Trace } from './trace.types';

/** ∂node/∂(each input), from the op table, at the node's forward values. */
export function localDerivatives(graph: Graph, index: number): number[] {
  const node = graph.nodes[index];
  const spec = OPS[node.op];
  if (spec.arity === 0) return [];
  const a = graph.nodes[node.inputs[0]].value;
  const b = node.inputs.length > 1 ? graph.nodes[node.inputs[1]].value : (node.param ?? 0);
  return node.inputs.map((_, slot) => (slot === 0 ? spec.da : spec.db)(a, b, node.value));
}

/**
 * The steps of CONTRACTS §2: start, one forward step per computed node, the
 * seed, then one backward step per node in reverse topological order. Each
 * backward step records what every input edge carried and the running sum
 * at the receiving node, so any step can be drawn without replaying.
 */
export function traceGraph(graph: Graph): Trace {
  const n = graph.nodes.length;
  const steps: Step[] = [{ kind: 'start' }];
  const valueStep = new Int32Array(n);
  const finalStep = new Int32Array(n).fill(-1);
  const visitStep = new Int32Array(n).fill(-1);
  const gradStepLists: number[][] = Array.from({ length: n }, () => []);
  const gradValueLists: number[][] = Array.from({ length: n }, () => []);
  const grads = new Float64Array(n);
  const arrived = new Int32Array(n);

  for (const node of graph.nodes) {
    if (OPS[node.op].arity === 0) continue;
    valueStep[node.index] = steps.length;
    steps.push({ kind: 'forward', node: node.index, value: node.value });
  }
  const lastForward = steps.length - 1;

  const seed = steps.length;
  steps.push({ kind: 'seed', node: graph.output });
  grads[graph.output] = 1;
  gradStepLists[graph.output].push(seed);
  gradValueLists[graph.output].push(1);
  // A node nothing consumes has all its consumers visited already: its gradient
  // is final at the seed, 1 for the output and 0 for any other.
  for (let i = 0; i < n; i++) {
    if (graph.outEdges[i].length > 0) continue;
    finalStep[i] = seed;
    if (i !== graph.output) {
      gradStepLists[i].push(seed);
      gradValueLists[i].push(0);
    }
  }

  for (let i = n - 1; i >= 0; i--) {
    const step = steps.length;
    visitStep[i] = step;
    const node = graph.nodes[i];
    const upstream = grads[i];
    const local = localDerivatives(graph, i);
    const contributions: Contribution[] = [];
    const finalized: number[] = [];
    graph.inEdges[i].forEach((edge, slot) => {
      const to = node.inputs[slot];
      const amount = local[slot] * upstream;
      const before = grads[to];
      const after = before + amount;
      grads[to] = after;
      arrived[to] += 1;
      const arrivals = graph.outEdges[to].length;
      const final = arrived[to] === arrivals;
      if (final) {
        finalStep[to] = step;
        finalized.push(to);
      }
      gradStepLists[to].push(step);
      gradValueLists[to].push(after);
      contributions.push({ edge, to, slot, local: local[slot], upstream, amount, before, after, arrival: arrived[to], arrivals, final });
    });
    steps.push({ kind: 'backward', node: i, grad: upstream, contributions, finalized });
  }

  return {
    steps,
    lastForward,
    seed,
    end: steps.length - 1,
    valueStep,
    gradSteps: gradStepLists.map((list) => Int32Array.from(list)),
    gradValues: gradValueLists.map((list) => Float64Array.from(list)),
    finalStep,
    visitStep,
    grads,
  };
}

/** The last index i with list[i] <= step, or -1. */
function lastAtOrBefore(list: Int32Array, step: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= step) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** What node `index` shows at `step`: a pure function of (graph, trace, step). */
export function nodeStateAt(graph: Graph, trace: Trace, index: number, step: number): NodeState {
  const value = step >= trace.valueStep[index] ? graph.nodes[index].value : undefined;
  const k = lastAtOrBefore(trace.gradSteps[index], step);
  const grad = k >= 0 ? trace.gradValues[index][k] : undefined;
  const final = trace.finalStep[index] >= 0 && step >= trace.finalStep[index];
  // Count arrivals: contribution steps only (the seed entry of the output and of unconsumed nodes is not an arrival).
  const arrived = k < 0 ? 0 : k + 1 - (trace.gradSteps[index][0] === trace.seed ? 1 : 0);
  return { value, grad, final, arrived };
}

/** Which part of the walk a step belongs to. */
export function phaseOf(trace: Trace, step: number): Phase {
  if (step <= 0) return 'start';
  if (step <= trace.lastForward) return 'forward';
  if (step === trace.seed) return 'seed';
  return 'backward';
}

/** What edge `edgeIndex` carried back, and at which step (its consumer's visit); undefined if nothing yet exists. */
export function edgeContribution(graph: Graph, trace: Trace, edgeIndex: number): { step: number; contribution: Contribution } | undefined {
  const step = trace.visitStep[graph.edges[edgeIndex].to];
  const s = trace.steps[step];
  const contribution = s?.kind === 'backward' ? s.contributions.find((c) => c.edge === edgeIndex) : undefined;
  return contribution ? { step, contribution } : undefined;
}
