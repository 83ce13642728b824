// A training run over a program (CONTRACTS §10): its parameters (`param`, or
// every input when none is marked) change by one of torch.optim's rules; a
// data line's X and Y move from mini-batch to mini-batch in a seeded order.
// One iteration k: take batch k, forward (the loss before update k), backward
// to the parameters only, update. Everything is deterministic from (program,
// settings), so any iteration can be found again.
import { batchProblem, createBatcher, gatherRows } from '../data';
import type { Graph } from '../graph';
import { createOptimizer, optimizerProblem, type Optimizer, type OptimizerKind, type OptimizerSnapshot, type UpdateRecord } from '../optim';
import { backwardSweep, dependsOn, forwardSweep } from '../sweep';
import { allFinite, type Tensor } from '../tensor/tensor';
import { scoresNode } from './scores';

export interface TrainSettings {
  readonly optimizer: OptimizerKind;
  /** The learning rate (CONTRACTS §10 default 0.1). */
  readonly lr: number;
  /** Momentum μ for `momentum` (default 0.9). */
  readonly momentum?: number;
  /** Rows per mini-batch of the data line (default: the data line's, else the whole training split). */
  readonly batch?: number;
  /** Seed of the mini-batch order (default 0). */
  readonly seed?: number;
}

export interface TrainParameter {
  /** The input node (in the graph the session was made from). */
  readonly node: number;
  /** Its id (`W1`, `c@2`) and program name (`W1`). */
  readonly id: string;
  readonly name: string;
  readonly shape: readonly number[];
}

export interface IterationResult {
  readonly iteration: number;
  /** The loss on this iteration's batch, before its update. */
  readonly loss: number;
  /** Where a non-finite number appeared, if one did: the first parameter whose gradient or new value is NaN or ∞. */
  readonly nonFinite: string | null;
  readonly update: UpdateRecord | null;
}

export interface TrainingSession {
  readonly graph: Graph;
  readonly params: readonly TrainParameter[];
  readonly optimizer: Optimizer;
  /** Updates done so far: the next iteration's number. */
  readonly iteration: number;
  /** Current parameter values by id (updated in place by each step). */
  readonly values: ReadonlyMap<string, Float64Array>;
  /** One iteration; `watch` asks for the update of one parameter entry written out. */
  step(watch?: { id: string; index: number }): IterationResult;
  /** The loss (and accuracy for a classifier) on a whole split of the data set, or on the program's own inputs. */
  evaluate(split: 'train' | 'test'): { loss: number; accuracy: number | null; scores: Float64Array | null };
  /** The parameters as tensors (for opening an iteration in the stepper). */
  snapshot(): Map<string, Tensor>;
}

/** What is wrong with these settings for this graph, as an English sentence, or null. */
export function trainProblem(graph: Graph, settings: TrainSettings): string | null {
  const params = graph.nodes.filter((n) => n.op === 'input' && n.role === 'param');
  if (params.length === 0) return 'this program has no parameter to train: mark the weights with param, e.g. param w = 0.5';
  const options: Record<string, number> = { lr: settings.lr };
  if (settings.optimizer === 'momentum' && settings.momentum !== undefined) options.momentum = settings.momentum;
  const problem = optimizerProblem(settings.optimizer, options);
  if (problem) return problem.detail;
  if (settings.batch !== undefined) {
    if (!graph.data) return 'this program has no data line to draw mini-batches from (e.g. data X, Y = moons(n=200))';
    const trouble = batchProblem(graph.data.dataset.train.rows, settings.batch);
    if (trouble) return trouble.detail;
  }
  return null;
}

/** Where a session starts when it continues a run: an iteration, its parameters and the optimizer's state. */
export interface ResumePoint {
  readonly iteration: number;
  readonly params: ReadonlyMap<string, Float64Array>;
  readonly optimizer: OptimizerSnapshot;
  readonly lr: number;
}

export function createSession(graph: Graph, settings: TrainSettings, from?: ResumePoint): TrainingSession {
  const problem = trainProblem(graph, settings);
  if (problem) throw new RangeError(problem);
  const params: TrainParameter[] = graph.nodes
    .filter((n) => n.op === 'input' && n.role === 'param')
    .map((n) => ({ node: n.index, id: n.id, name: n.label ?? n.id, shape: n.shape }));
  const values = new Map(params.map((p) => [p.id, graph.nodes[p.node].tensor.data.slice()]));
  const options: Record<string, number> = { lr: settings.lr };
  if (settings.optimizer === 'momentum' && settings.momentum !== undefined) options.momentum = settings.momentum;
  const optimizer = createOptimizer({ kind: settings.optimizer, options });
  const needed = dependsOn(graph, params.map((p) => p.node));
  const data = graph.data;
  const batcher = data ? createBatcher({ rows: data.dataset.train.rows, batch: settings.batch ?? data.batch, seed: settings.seed ?? data.batchSeed }) : null;
  let iteration = 0;
  if (from) {
    for (const [id, v] of from.params) values.get(id)?.set(v);
    optimizer.restore(from.optimizer);
    optimizer.lr = from.lr;
    iteration = from.iteration;
  }

  const overrides = (): Map<number, Tensor> => new Map(params.map((p) => [p.node, { shape: p.shape, data: values.get(p.id) as Float64Array }]));
  const withSplit = (o: Map<number, Tensor>, x: Float64Array, y: Float64Array, rows: number): Map<number, Tensor> => {
    if (!data) return o;
    const width = data.dataset.classes ?? 1;
    o.set(data.x, { shape: [rows, data.dataset.features], data: x });
    o.set(data.y, { shape: [rows, width], data: y });
    return o;
  };

  return {
    graph,
    params,
    optimizer,
    values,
    get iteration() {
      return iteration;
    },
    step(watch) {
      const o = overrides();
      if (data && batcher) {
        const rows = batcher.at(iteration).rows;
        const width = data.dataset.classes ?? 1;
        withSplit(o, gatherRows(data.dataset.train.x, data.dataset.features, rows), gatherRows(data.dataset.train.y, width, rows), rows.length);
      }
      const forward = forwardSweep(graph, o);
      const loss = forward[graph.output].data[0];
      const grads = backwardSweep(graph, forward, { needed });
      const gradById = new Map(params.map((p) => [p.id, grads[p.node].data]));
      const update = optimizer.step(values, gradById, watch ? { name: watch.id, index: watch.index } : undefined);
      let nonFinite: string | null = null;
      for (const p of params) {
        const g = gradById.get(p.id) as Float64Array;
        const v = values.get(p.id) as Float64Array;
        if (!allFinite(g) || !allFinite(v)) {
          nonFinite = p.name;
          break;
        }
      }
      return { iteration: iteration++, loss, nonFinite, update };
    },
    evaluate(split) {
      const o = overrides();
      if (data) {
        const s = data.dataset[split];
        withSplit(o, s.x, s.y, s.rows);
      }
      const forward = forwardSweep(graph, o);
      const scores = scoresNode(graph);
      const labels = data ? data.dataset[split].labels : null;
      let accuracy: number | null = null;
      if (scores !== null && labels && data?.dataset.classes) {
        const z = forward[scores].data;
        let right = 0;
        const c = data.dataset.classes;
        for (let i = 0; i < labels.length; i++) {
          let best = 0;
          for (let j = 1; j < c; j++) if (z[i * c + j] > z[i * c + best]) best = j;
          if (best === labels[i]) right++;
        }
        accuracy = labels.length ? right / labels.length : null;
      }
      return { loss: forward[graph.output].data[0], accuracy, scores: scores === null ? null : forward[scores].data };
    },
    snapshot() {
      return new Map(params.map((p) => [p.id, { shape: p.shape, data: (values.get(p.id) as Float64Array).slice() }]));
    },
  };
}
