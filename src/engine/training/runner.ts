// A training run as the page drives it (in a worker): iterations in chunks,
// curves of the batch loss and of the whole train and test splits, a stop when
// it diverges (which step, which parameter, why), and any past iteration found
// again — from the nearest checkpoint of parameters and optimizer state — so
// the stepper can open that iteration's mini-batch.
import type { Dataset, ImageAsset } from '../data';
import { compile } from '../index';
import type { OptimizerSnapshot, UpdateRecord } from '../optim';
import { forwardSweep } from '../sweep';
import type { Tensor } from '../tensor/tensor';
import { divergence } from '../train';
import { scoresNode } from './scores';
import { createSession, type TrainingSession, type TrainSettings } from './session';

export interface Evaluation {
  readonly iteration: number;
  readonly trainLoss: number;
  readonly testLoss: number | null;
  readonly trainAccuracy: number | null;
  readonly testAccuracy: number | null;
}

export interface Divergence {
  /** The iteration whose loss or update was the first to go wrong. */
  readonly iteration: number;
  readonly reason: 'nonFinite' | 'growing';
  /** The first parameter whose gradient or value stopped being finite, or the one that moved most. */
  readonly parameter: string | null;
  readonly loss: number;
}

export interface Chunk {
  /** Updates done after this chunk. */
  readonly iteration: number;
  /** The batch loss of each iteration of the chunk, in order (the loss before its update). */
  readonly losses: readonly number[];
  readonly evaluations: readonly Evaluation[];
  readonly divergence: Divergence | null;
  /** The update of the watched entry in the last iteration of the chunk. */
  readonly update: UpdateRecord | null;
}

interface Checkpoint {
  readonly iteration: number;
  readonly params: Map<string, Float64Array>;
  readonly optimizer: OptimizerSnapshot;
  /** The learning rate in force from here (it can change during a run). */
  readonly lr: number;
  /** Kept when checkpoints are thinned out: where the learning rate changed. */
  readonly pinned: boolean;
}

/** Checkpoints kept; when full, every other one goes and the spacing doubles. */
const MAX_CHECKPOINTS = 32;

export class TrainingRunner {
  readonly session: TrainingSession;
  private readonly checkpoints: Checkpoint[] = [];
  private spacing = 25;
  private recent: number[] = [];
  private stopped: Divergence | null = null;
  /** The loss of the run's first iteration (the scale an exploding loss is measured against). */
  private firstLoss: number | null = null;
  watch: { id: string; index: number } | null = null;
  /** Evaluate the whole splits every this many iterations (and at the end of a chunk that asks). */
  evaluateEvery: number;

  constructor(
    readonly text: string,
    readonly settings: TrainSettings,
    readonly assets: ReadonlyMap<string, ImageAsset> = new Map(),
  ) {
    const { graph } = compile(text, { assets, batch: settings.batch, batchSeed: settings.seed });
    this.session = createSession(graph, settings);
    const perEpoch = graph.data?.perEpoch ?? 1;
    this.evaluateEvery = Math.max(1, Math.min(50, perEpoch));
    this.saveCheckpoint();
  }

  get iteration(): number {
    return this.session.iteration;
  }

  get divergence(): Divergence | null {
    return this.stopped;
  }

  get dataset(): Dataset | null {
    return this.session.graph.data?.dataset ?? null;
  }

  /** Changes the learning rate for the next iterations (the run goes on). */
  setLearningRate(lr: number): void {
    this.session.optimizer.lr = lr;
    this.stopped = null;
    this.recent = [];
    // A replay must use each rate where it was in force: start a checkpoint here.
    this.saveCheckpoint(true);
  }

  private saveCheckpoint(pinned = false): void {
    const params = new Map([...this.session.values].map(([id, v]) => [id, v.slice()]));
    const iteration = this.session.iteration;
    const last = this.checkpoints.at(-1);
    if (last?.iteration === iteration) this.checkpoints.pop();
    this.checkpoints.push({ iteration, params, optimizer: this.session.optimizer.save(), lr: this.session.optimizer.lr, pinned: pinned || last?.pinned === true && last.iteration === iteration });
    if (this.checkpoints.length > MAX_CHECKPOINTS) {
      this.spacing *= 2;
      const kept = this.checkpoints.filter((c) => c.pinned || c.iteration % this.spacing === 0);
      this.checkpoints.splice(0, this.checkpoints.length, ...kept);
    }
  }

  evaluate(): Evaluation {
    const train = this.session.evaluate('train');
    const hasTest = (this.dataset?.test.rows ?? 0) > 0;
    const test = hasTest ? this.session.evaluate('test') : null;
    return { iteration: this.iteration, trainLoss: train.loss, testLoss: test?.loss ?? null, trainAccuracy: train.accuracy, testAccuracy: test?.accuracy ?? null };
  }

  /** Up to `count` iterations, fewer when `budgetMs` runs out or the run diverges. */
  run(count: number, budgetMs = Infinity): Chunk {
    const started = performance.now();
    const losses: number[] = [];
    const evaluations: Evaluation[] = [];
    let update: UpdateRecord | null = null;
    for (let i = 0; i < count && !this.stopped; i++) {
      const result = this.session.step(this.watch ?? undefined);
      losses.push(result.loss);
      update = result.update;
      this.recent.push(result.loss);
      if (this.recent.length > 8) this.recent.shift();
      if (this.firstLoss === null) this.firstLoss = result.loss;
      // A loss that kept growing only explodes if it is worse than where the run began: a
      // well-trained model's tiny batch losses rise and fall by factors of ten all the time.
      const growing = divergence(this.recent) === 'growing' && Math.abs(result.loss) > Math.abs(this.firstLoss);
      const trouble = !Number.isFinite(result.loss) || result.nonFinite ? 'nonFinite' : growing ? 'growing' : null;
      if (trouble) {
        this.stopped = { iteration: result.iteration, reason: trouble, parameter: result.nonFinite ?? this.mostMoved(), loss: result.loss };
        break;
      }
      if (this.iteration % this.spacing === 0) this.saveCheckpoint();
      if (this.iteration % this.evaluateEvery === 0) evaluations.push(this.evaluate());
      if (performance.now() - started > budgetMs) break;
    }
    return { iteration: this.iteration, losses, evaluations, divergence: this.stopped, update };
  }

  /** The parameter with the largest value now, relative to its start: the one an exploding run drives away. */
  private mostMoved(): string | null {
    const start = this.checkpoints[0].params;
    let best: string | null = null;
    let most = -1;
    for (const p of this.session.params) {
      const now = this.session.values.get(p.id) as Float64Array;
      const then = start.get(p.id) as Float64Array;
      let change = 0;
      for (let i = 0; i < now.length; i++) change = Math.max(change, Math.abs(now[i] - then[i]));
      if (change > most) {
        most = change;
        best = p.name;
      }
    }
    return best;
  }

  /**
   * The parameters just before update `k` (k ≤ the current iteration), found by
   * replaying from the nearest checkpoint on a copy of the run; this run is not disturbed.
   */
  paramsBefore(k: number): Map<string, Tensor> {
    if (k === this.iteration) return this.session.snapshot();
    return this.replayTo(k).snapshot();
  }

  /**
   * Iteration k again, on a copy of the run: the parameters before update k and
   * what update k does to the watched entry (for k = the current iteration, the
   * update the run is about to make). This run is not disturbed.
   */
  replayAt(k: number, watch: { id: string; index: number } | null): { params: Map<string, Tensor>; update: UpdateRecord | null } {
    const replay = this.replayTo(k);
    const params = replay.snapshot();
    const update = watch ? replay.step(watch).update : null;
    return { params, update };
  }

  /** A copy of the run standing just before update k. */
  private replayTo(k: number): TrainingSession {
    if (k > this.iteration || k < 0) throw new RangeError(`iteration ${k} has not been run (the run is at ${this.iteration})`);
    if (k === this.iteration) {
      const params = new Map([...this.session.values].map(([id, v]) => [id, v.slice()]));
      return createSession(this.session.graph, this.settings, { iteration: k, params, optimizer: this.session.optimizer.save(), lr: this.session.optimizer.lr });
    }
    const from = [...this.checkpoints].reverse().find((c) => c.iteration <= k) as Checkpoint;
    const replay = createSession(this.session.graph, this.settings, { ...from, lr: from.lr });
    for (let i = from.iteration; i < k; i++) replay.step();
    return replay;
  }

  /** The model's scores at points of the plane (a 2-D data set's decision boundary): rows × classes. */
  scoresAt(points: Float64Array, rows: number): Float64Array | null {
    const graph = this.session.graph;
    const data = graph.data;
    const scores = scoresNode(graph);
    if (!data || scores === null || data.dataset.features !== 2) return null;
    const o = new Map<number, Tensor>(this.session.params.map((p) => [p.node, { shape: p.shape, data: this.session.values.get(p.id) as Float64Array }]));
    const width = data.dataset.classes ?? 1;
    o.set(data.x, { shape: [rows, 2], data: points });
    o.set(data.y, { shape: [rows, width], data: new Float64Array(rows * width) });
    return forwardSweep(graph, o)[scores].data;
  }
}
