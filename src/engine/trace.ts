import type { Graph } from './graph';
import { OPS } from './ops';
import { backwardSweep } from './sweep';
import { scalarValue, zerosOf, type Tensor } from './tensor/tensor';
import type { Contribution, NodeState, Phase, Step, Trace } from './trace.types';

/** ∂node/∂(each input) of a node on numbers, from the op table at its forward values (NaN for tensor nodes). */
export function localDerivatives(graph: Graph, index: number): number[] {
  const node = graph.nodes[index];
  const entry = OPS[node.op];
  if (entry.kind !== 'elementwise' || node.shape.length > 0) return node.inputs.map(() => NaN);
  const a = graph.nodes[node.inputs[0]].value;
  const b = node.inputs.length > 1 ? graph.nodes[node.inputs[1]].value : (node.param ?? 0);
  return node.inputs.map((_, slot) => (slot === 0 ? entry.da : entry.db)(a, b, node.value));
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
  const gradLists: Tensor[][] = Array.from({ length: n }, () => []);
  const arrived = new Int32Array(n);

  for (const node of graph.nodes) {
    if (node.inputs.length === 0) continue;
    valueStep[node.index] = steps.length;
    steps.push({ kind: 'forward', node: node.index, value: node.value });
  }
  const lastForward = steps.length - 1;

  const seed = steps.length;
  steps.push({ kind: 'seed', node: graph.output });
  // A node nothing consumes has all its consumers visited already: its gradient
  // is final at the seed, 1 for the output and 0 for any other.
  for (let i = 0; i < n; i++) {
    if (graph.outEdges[i].length > 0) continue;
    finalStep[i] = seed;
    gradStepLists[i].push(seed);
    gradLists[i].push(i === graph.output ? { shape: [], data: Float64Array.of(1) } : zerosOf(graph.nodes[i].shape));
  }

  let current: { node: number; grad: Tensor; contributions: Contribution[]; finalized: number[] } | null = null;
  const close = () => {
    if (!current) return;
    const { node, grad, contributions, finalized } = current;
    steps.push({ kind: 'backward', node, grad: scalarValue(grad), gradTensor: grad, contributions, finalized });
  };
  const values = graph.nodes.map((node) => node.tensor);
  const finalGrads = backwardSweep(graph, values, {
    onVisit: (node, grad) => {
      close();
      visitStep[node] = steps.length;
      current = { node, grad, contributions: [], finalized: [] };
    },
    onSend: (node, slot, sent, upstream, before, after) => {
      const step = steps.length;
      const c = current as NonNullable<typeof current>;
      const to = graph.nodes[node].inputs[slot];
      arrived[to] += 1;
      const arrivals = graph.outEdges[to].length;
      const final = arrived[to] === arrivals;
      if (final) {
        finalStep[to] = step;
        c.finalized.push(to);
      }
      gradStepLists[to].push(step);
      gradLists[to].push(after);
      const beforeTensor = before ?? zerosOf(after.shape);
      const local = sent.local === null ? NaN : scalarValue(sent.local);
      c.contributions.push({
        edge: graph.inEdges[node][slot],
        to,
        slot,
        local,
        upstream: scalarValue(upstream),
        amount: scalarValue(sent.amount),
        before: scalarValue(beforeTensor),
        after: scalarValue(after),
        tensors: { local: sent.local, upstream, amount: sent.amount, before: beforeTensor, after, summed: sent.summed },
        arrival: arrived[to],
        arrivals,
        final,
      });
    },
  });
  close();

  return {
    steps,
    lastForward,
    seed,
    end: steps.length - 1,
    valueStep,
    gradSteps: gradStepLists.map((list) => Int32Array.from(list)),
    gradValues: gradLists.map((list) => Float64Array.from(list, scalarValue)),
    gradTensors: gradLists,
    finalStep,
    visitStep,
    grads: Float64Array.from(finalGrads, scalarValue),
    finalGrads,
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

/** Which gradient entry of node `index` is shown at `step` (an index into gradValues/gradTensors), or -1. */
export function gradIndexAt(trace: Trace, index: number, step: number): number {
  return lastAtOrBefore(trace.gradSteps[index], step);
}

/** What node `index` shows at `step`: a pure function of (graph, trace, step). */
export function nodeStateAt(graph: Graph, trace: Trace, index: number, step: number): NodeState {
  const shown = step >= trace.valueStep[index];
  const k = gradIndexAt(trace, index, step);
  const final = trace.finalStep[index] >= 0 && step >= trace.finalStep[index];
  // Count arrivals: contribution steps only (the seed entry of the output and of unconsumed nodes is not an arrival).
  const arrived = k < 0 ? 0 : k + 1 - (trace.gradSteps[index][0] === trace.seed ? 1 : 0);
  return {
    value: shown ? graph.nodes[index].value : undefined,
    grad: k >= 0 ? trace.gradValues[index][k] : undefined,
    valueTensor: shown ? graph.nodes[index].tensor : undefined,
    gradTensor: k >= 0 ? trace.gradTensors[index][k] : undefined,
    final,
    arrived,
  };
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
