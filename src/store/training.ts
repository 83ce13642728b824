// The training run of one visualizer, as a store of its own: it lives above the
// tabs, so switching tab or language does not end it. The work runs in a worker
// (src/train/client.ts); this store keeps what the page draws.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { OptimizerKind, UpdateRecord } from '../engine/optim';
import type { Divergence, Evaluation } from '../engine/training/runner';
import type { TrainSettings } from '../engine/training/session';
import type { ProductKernel } from '../engine/tensor/matmul';
import type { Tensor } from '../engine/tensor/tensor';
import type { TrainerClient } from '../train/client';
import type { Boundary, FromTrainer, Insights, RunInfo } from '../train/protocol';

export type TrainStatus = 'idle' | 'loading' | 'paused' | 'running' | 'diverged' | 'error';

export interface TrainSettingsDraft {
  optimizer: OptimizerKind;
  lr: number;
  momentum: number;
  /** Rows per mini-batch; null: the program's own (the data line's `batch`, else all rows). */
  batch: number | null;
  seed: number;
}

/** Most points kept of a curve; beyond it, neighbouring points are averaged in pairs. */
export const MAX_CURVE_POINTS = 2000;

export interface TrainingState {
  status: TrainStatus;
  settings: TrainSettingsDraft;
  /** The program the run was started from (a new program needs a new start). */
  text: string | null;
  info: RunInfo | null;
  iteration: number;
  epoch: number;
  /** Batch loss per iteration, averaged in runs of `lossStride` iterations once long. */
  losses: number[];
  lossStride: number;
  evaluations: Evaluation[];
  update: UpdateRecord | null;
  watch: { id: string; index: number } | null;
  divergence: Divergence | null;
  boundary: Boundary | null;
  insights: Insights | null;
  error: { message: string; line: number | null; col: number | null } | null;
  /** Whether training runs in a worker (off the main thread). */
  inWorker: boolean | null;
  /** Which kernel ran the trainer's last matrix product, as its last progress said. */
  kernel: ProductKernel | null;
  /** The current values of every parameter by id, when they are few (the trainer sends them then). */
  params: ReadonlyMap<string, Float64Array> | null;

  /** Starts a run of `text` (paused at iteration 0), with `patch` applied to the settings first. */
  start: (text: string, patch?: Partial<TrainSettingsDraft>) => void;
  run: () => void;
  pause: () => void;
  step: (count?: number) => void;
  reset: () => void;
  setSettings: (patch: Partial<TrainSettingsDraft>) => void;
  setWatch: (watch: { id: string; index: number }) => void;
  requestInsights: () => void;
  /**
   * The parameters just before update `iteration` and what that update does to the
   * watched entry, to open the iteration in the stepper. Rejects when there is no run.
   */
  openIteration: (iteration: number) => Promise<OpenedIteration>;
  /** Ends the run and its worker (a later start makes a new one). */
  dispose: () => void;
}

export interface OpenedIteration {
  readonly iteration: number;
  readonly params: Map<string, Tensor>;
  readonly update: UpdateRecord | null;
}

export type TrainingStore = StoreApi<TrainingState>;

const DEFAULTS: TrainSettingsDraft = { optimizer: 'sgd', lr: 0.1, momentum: 0.9, batch: null, seed: 0 };

function settingsOf(draft: TrainSettingsDraft): TrainSettings {
  return { optimizer: draft.optimizer, lr: draft.lr, momentum: draft.momentum, batch: draft.batch ?? undefined, seed: draft.seed };
}

/** Appends to a curve, halving it by averaging neighbours when it grows past MAX_CURVE_POINTS. */
export function appendCurve(curve: number[], stride: number, pending: number[], added: readonly number[]): { curve: number[]; stride: number; pending: number[] } {
  let points = curve.slice();
  let s = stride;
  // Whole groups of `s` iterations become one point each (their mean); the rest waits.
  const rest = pending.length ? [...pending, ...added] : added;
  let at = 0;
  for (; at + s <= rest.length; at += s) {
    let sum = 0;
    for (let i = at; i < at + s; i++) sum += rest[i];
    points.push(sum / s);
  }
  while (points.length > MAX_CURVE_POINTS) {
    const halved: number[] = new Array(points.length >> 1);
    for (let i = 0; i < halved.length; i++) halved[i] = (points[2 * i] + points[2 * i + 1]) / 2;
    points = halved;
    s *= 2;
  }
  return { curve: points, stride: s, pending: rest.slice(at) };
}

export function createTrainingStore(makeClient: () => TrainerClient): TrainingStore {
  let client: TrainerClient | null = null;
  let pendingLosses: number[] = [];
  let nextRequest = 1;
  const waiting = new Map<number, { resolve: (opened: OpenedIteration) => void; reject: (error: Error) => void }>();
  /** Run was pressed while the run was still starting. */
  let runWhenReady = false;
  return createStore<TrainingState>()((set, get) => {
    const onMessage = (message: FromTrainer) => {
      switch (message.type) {
        case 'ready': {
          set({ status: 'paused', info: message.info, evaluations: [message.info.evaluation], error: null, inWorker: client?.inWorker ?? null });
          // Watch an entry of a parameter the run has: the first one unless one is chosen.
          const { watch } = get();
          const first = message.info.params[0];
          if (first && !message.info.params.some((p) => p.id === watch?.id)) get().setWatch({ id: first.id, index: 0 });
          if (runWhenReady) {
            runWhenReady = false;
            get().run();
          }
          break;
        }
        case 'progress': {
          const { chunk } = message;
          const merged = appendCurve(get().losses, get().lossStride, pendingLosses, chunk.losses);
          pendingLosses = merged.pending;
          const evaluations = [...get().evaluations, ...chunk.evaluations].slice(-MAX_CURVE_POINTS);
          set({
            iteration: chunk.iteration,
            epoch: message.epoch,
            losses: merged.curve,
            lossStride: merged.stride,
            evaluations,
            update: message.update ?? get().update,
            params: message.params ? new Map(message.params.map((p) => [p.id, p.data])) : get().params,
            kernel: message.kernel,
            divergence: chunk.divergence,
            status: chunk.divergence ? 'diverged' : message.running ? 'running' : 'paused',
          });
          break;
        }
        case 'boundary':
          set({ boundary: message.boundary });
          break;
        case 'insights':
          set({ insights: message.insights });
          break;
        case 'iteration': {
          const pending = waiting.get(message.request);
          waiting.delete(message.request);
          if (message.params.length === 0) pending?.reject(new Error('there is no training run to open an iteration of'));
          else pending?.resolve({ iteration: message.iteration, params: new Map(message.params.map((p) => [p.id, { shape: p.shape, data: p.data }])), update: message.update });
          break;
        }
        case 'error':
          runWhenReady = false;
          set({ status: 'error', error: { message: message.message, line: message.line, col: message.col } });
          break;
      }
    };
    const send = (message: Parameters<TrainerClient['send']>[0]) => {
      if (!client) {
        client = makeClient();
        client.listen(onMessage);
      }
      client.send(message);
    };
    return {
      status: 'idle',
      settings: DEFAULTS,
      text: null,
      info: null,
      iteration: 0,
      epoch: 0,
      losses: [],
      lossStride: 1,
      evaluations: [],
      update: null,
      watch: null,
      divergence: null,
      boundary: null,
      insights: null,
      error: null,
      inWorker: null,
      kernel: null,
      params: null,
      start: (text, patch) => {
        pendingLosses = [];
        runWhenReady = false;
        if (patch) set({ settings: { ...get().settings, ...patch } });
        set({ status: 'loading', text, info: null, iteration: 0, epoch: 0, losses: [], lossStride: 1, evaluations: [], update: null, divergence: null, boundary: null, insights: null, error: null, params: null });
        send({ type: 'start', text, settings: settingsOf(get().settings) });
        const { watch } = get();
        if (watch) send({ type: 'watch', ...watch });
      },
      run: () => {
        const { status } = get();
        if (status === 'loading') runWhenReady = true;
        if (status !== 'paused') return;
        send({ type: 'run' });
        set({ status: 'running' });
      },
      pause: () => {
        runWhenReady = false;
        if (get().status === 'running') send({ type: 'pause' });
      },
      step: (count = 1) => {
        if (get().status === 'paused' || get().status === 'running') send({ type: 'step', count });
      },
      reset: () => {
        const { text } = get();
        if (text !== null) get().start(text);
      },
      setSettings: (patch) => {
        const settings = { ...get().settings, ...patch };
        set({ settings });
        // The learning rate changes on the fly; any other setting starts the run again.
        const onlyRate = Object.keys(patch).every((k) => k === 'lr');
        if (get().text !== null && get().status !== 'idle') {
          if (onlyRate && patch.lr !== undefined) {
            send({ type: 'setLr', lr: patch.lr });
            if (get().status === 'diverged') set({ status: 'paused', divergence: null });
          } else get().reset();
        }
      },
      setWatch: (watch) => {
        set({ watch });
        if (get().text !== null) send({ type: 'watch', ...watch });
      },
      requestInsights: () => {
        if (get().text !== null) send({ type: 'insights' });
      },
      openIteration: (iteration) =>
        new Promise((resolve, reject) => {
          if (get().text === null) return reject(new Error('there is no training run to open an iteration of'));
          const request = nextRequest++;
          waiting.set(request, { resolve, reject });
          send({ type: 'openIteration', request, iteration });
        }),
      dispose: () => {
        client?.dispose();
        client = null;
        runWhenReady = false;
        for (const pending of waiting.values()) pending.reject(new Error('the training run ended'));
        waiting.clear();
        set({ status: 'idle', text: null });
      },
    };
  });
}
