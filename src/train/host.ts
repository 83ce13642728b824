// The training host: owns one TrainingRunner, runs it in time slices while the
// page says run, and reports progress at a steady rate. It runs in the training
// worker (worker.ts) or, where no worker can start (file://), inside the page
// with shorter slices.
import { confusionMatrix, crossEntropyPerRow, datasetEntry, isImageSet, predictions, worstRows, type ImageAsset, type ImageSetName } from '../engine/data';
import { ProgramError } from '../engine/errors';
import { lastProductKernel } from '../engine/tensor/matmul';
import { TrainingRunner, type Evaluation } from '../engine/training/runner';
import { SMALL_PARAMS, type Boundary, type FromTrainer, type Insights, type RunInfo, type ToTrainer } from './protocol';

export interface HostOptions {
  readonly post: (message: FromTrainer) => void;
  /** Loads an image set's pixels (in a worker: importScripts; in Node tests: the asset module). */
  readonly loadAsset: (name: ImageSetName) => Promise<ImageAsset>;
  /** Longest slice of work before the host lets messages in (ms). */
  readonly sliceMs: number;
  /** Progress and the boundary are posted at most this often while running (ms). */
  readonly reportMs?: number;
}

const BOUNDARY_RESOLUTION = 48;

/**
 * Evaluating the whole train and test splits may take at most this share of the
 * time (Fashion-MNIST's 3,500 images cost as much as ~30 steps): beyond it the
 * run evaluates half as often, and twice as often again below a quarter of it.
 */
const EVALUATION_SHARE = 0.2;

export function createTrainingHost(options: HostOptions): (message: ToTrainer) => void {
  const { post, loadAsset, sliceMs } = options;
  const reportMs = options.reportMs ?? 100;
  let runner: TrainingRunner | null = null;
  let running = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastBoundary = 0;
  let generation = 0;
  let pendingLosses: number[] = [];
  let watch: { id: string; index: number } | null = null;
  /** Time spent evaluating during the current slice (ms), and the fewest iterations between evaluations. */
  let evaluatingMs = 0;
  let baseEvery = 1;

  const small = (): { id: string; data: Float64Array }[] | undefined => {
    if (!runner) return undefined;
    let total = 0;
    for (const v of runner.session.values.values()) total += v.length;
    return total <= SMALL_PARAMS ? [...runner.session.values].map(([id, v]) => ({ id, data: v.slice() })) : undefined;
  };

  /** Times the runner's evaluations, so that the host can space them out. */
  const timeEvaluations = (r: TrainingRunner) => {
    const evaluate = r.evaluate.bind(r);
    r.evaluate = (): Evaluation => {
      const started = performance.now();
      const evaluation = evaluate();
      evaluatingMs += performance.now() - started;
      return evaluation;
    };
  };

  /** After a slice of `elapsedMs`: evaluate half or twice as often to keep within EVALUATION_SHARE. */
  const pace = (elapsedMs: number) => {
    if (!runner || elapsedMs <= 0) return;
    const share = evaluatingMs / elapsedMs;
    if (share > EVALUATION_SHARE) runner.evaluateEvery = Math.min(1 << 20, runner.evaluateEvery * 2);
    else if (share < EVALUATION_SHARE / 4 && runner.evaluateEvery > baseEvery) runner.evaluateEvery = Math.max(baseEvery, Math.floor(runner.evaluateEvery / 2));
  };

  const fail = (error: unknown) => {
    running = false;
    if (error instanceof ProgramError) post({ type: 'error', message: error.message, line: error.line, col: error.col });
    else post({ type: 'error', message: error instanceof Error ? error.message : String(error), line: null, col: null });
  };

  const epoch = () => (runner?.session.graph.data ? Math.floor(runner.iteration / runner.session.graph.data.perEpoch) : 0);

  const sendBoundary = () => {
    const b = runner && boundary(runner);
    if (b) post({ type: 'boundary', boundary: b, iteration: runner!.iteration });
  };

  const tick = () => {
    timer = null;
    if (!runner || !running) return;
    const started = performance.now();
    evaluatingMs = 0;
    const chunk = runner.run(Number.MAX_SAFE_INTEGER, sliceMs);
    pace(performance.now() - started);
    pendingLosses.push(...chunk.losses);
    if (chunk.divergence) running = false;
    post({ type: 'progress', chunk: { ...chunk, losses: pendingLosses }, epoch: epoch(), running, update: chunk.update, params: small(), kernel: lastProductKernel() });
    pendingLosses = [];
    if (performance.now() - lastBoundary > 250 || !running) {
      lastBoundary = performance.now();
      sendBoundary();
    }
    if (running) timer = setTimeout(tick, Math.max(0, reportMs - (performance.now() - started)));
  };

  const schedule = () => {
    if (!timer && running) timer = setTimeout(tick, 0);
  };

  return (message) => {
    try {
      switch (message.type) {
        case 'start': {
          running = false;
          const mine = ++generation;
          const names = [...message.text.matchAll(/^\s*data\s+[^=\n]+=\s*(\w+)\s*\(/gm)].map((m) => m[1]).filter((n) => datasetEntry(n) && isImageSet(n)) as ImageSetName[];
          void Promise.all(names.map(async (name) => [name, await loadAsset(name)] as const)).then(
            (loaded) => {
              if (mine !== generation) return;
              try {
                runner = new TrainingRunner(message.text, message.settings, new Map(loaded));
                runner.watch = watch;
                // Evaluate at least every 10 iterations to begin with (the first ones change most); pace() spaces them out when costly.
                runner.evaluateEvery = Math.min(runner.evaluateEvery, 10);
                baseEvery = runner.evaluateEvery;
                timeEvaluations(runner);
                post({ type: 'ready', info: info(runner) });
                sendBoundary();
              } catch (error) {
                fail(error);
              }
            },
            (error: unknown) => mine === generation && fail(error),
          );
          break;
        }
        case 'run':
          running = runner !== null && runner.divergence === null;
          schedule();
          break;
        case 'pause':
          running = false;
          if (runner) post({ type: 'progress', chunk: { iteration: runner.iteration, losses: [], evaluations: [runner.evaluate()], divergence: runner.divergence, update: null }, epoch: epoch(), running, update: null, params: small(), kernel: lastProductKernel() });
          break;
        case 'step': {
          if (!runner) break;
          running = false;
          const chunk = runner.run(message.count);
          post({ type: 'progress', chunk: { ...chunk, evaluations: [...chunk.evaluations, runner.evaluate()] }, epoch: epoch(), running, update: chunk.update, params: small(), kernel: lastProductKernel() });
          sendBoundary();
          break;
        }
        case 'setLr':
          runner?.setLearningRate(message.lr);
          break;
        case 'watch':
          // Kept for a run that is still starting (its images loading).
          watch = { id: message.id, index: message.index };
          if (runner) runner.watch = watch;
          break;
        case 'openIteration': {
          if (!runner) {
            post({ type: 'iteration', request: message.request, iteration: message.iteration, params: [], update: null });
            break;
          }
          const k = Math.max(0, Math.min(runner.iteration, Math.floor(message.iteration)));
          const { params, update } = runner.replayAt(k, runner.watch);
          post({ type: 'iteration', request: message.request, iteration: k, params: [...params].map(([id, t]) => ({ id, shape: t.shape, data: t.data })), update });
          break;
        }
        case 'insights':
          if (runner) post({ type: 'insights', insights: insights(runner) });
          break;
        case 'stop':
          running = false;
          runner = null;
          generation++;
          break;
      }
    } catch (error) {
      fail(error);
    }
  };
}

function info(runner: TrainingRunner): RunInfo {
  const data = runner.session.graph.data;
  const d = data?.dataset;
  let points: NonNullable<RunInfo['dataset']>['points'] = null;
  if (d && d.features <= 2 && d.kind === 'points') {
    const x = new Float64Array((d.train.rows + d.test.rows) * d.features);
    x.set(d.train.x);
    x.set(d.test.x, d.train.x.length);
    const width = d.classes ?? 1;
    const y = new Float64Array((d.train.rows + d.test.rows) * width);
    y.set(d.train.y);
    y.set(d.test.y, d.train.y.length);
    const labels = d.train.labels && d.test.labels ? Int32Array.from([...d.train.labels, ...d.test.labels]) : null;
    points = { x, y, labels, trainRows: d.train.rows };
  }
  return {
    params: runner.session.params.map((p) => ({ id: p.id, name: p.name, shape: p.shape })),
    dataset:
      d && data
        ? {
            name: d.name,
            kind: d.kind,
            classes: d.classes,
            features: d.features,
            imageShape: d.imageShape,
            classNames: d.classNames,
            trainRows: d.train.rows,
            testRows: d.test.rows,
            perEpoch: data.perEpoch,
            batch: runner.settings.batch ?? data.batch,
            points,
          }
        : null,
    evaluation: runner.evaluate(),
  };
}

/** The decision boundary of a 2-D classifier over the box around its data, or null. */
export function boundary(runner: TrainingRunner, resolution = BOUNDARY_RESOLUTION): Boundary | null {
  const d = runner.dataset;
  if (!d || d.features !== 2 || !d.classes) return null;
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const split of [d.train, d.test]) {
    for (let r = 0; r < split.rows; r++) {
      x0 = Math.min(x0, split.x[2 * r]);
      x1 = Math.max(x1, split.x[2 * r]);
      y0 = Math.min(y0, split.x[2 * r + 1]);
      y1 = Math.max(y1, split.x[2 * r + 1]);
    }
  }
  const padX = (x1 - x0) * 0.1 || 1;
  const padY = (y1 - y0) * 0.1 || 1;
  [x0, x1, y0, y1] = [x0 - padX, x1 + padX, y0 - padY, y1 + padY];
  const n = resolution * resolution;
  const points = new Float64Array(n * 2);
  for (let i = 0; i < resolution; i++) {
    for (let j = 0; j < resolution; j++) {
      const k = i * resolution + j;
      points[2 * k] = x0 + ((j + 0.5) / resolution) * (x1 - x0);
      points[2 * k + 1] = y1 - ((i + 0.5) / resolution) * (y1 - y0);
    }
  }
  const scores = runner.scoresAt(points, n);
  if (!scores) return null;
  const c = d.classes;
  const classes = predictions(scores, n);
  const confidence = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    // The winning class's softmax probability.
    let max = -Infinity;
    for (let j = 0; j < c; j++) max = Math.max(max, scores[k * c + j]);
    let total = 0;
    for (let j = 0; j < c; j++) total += Math.exp(scores[k * c + j] - max);
    confidence[k] = 1 / total;
  }
  return { resolution, extent: [x0, x1, y0, y1], classes, confidence };
}

function insights(runner: TrainingRunner): Insights {
  const d = runner.dataset;
  const test = runner.session.evaluate('test');
  const labels = d?.test.labels ?? null;
  let confusion: Int32Array | null = null;
  let worst: Insights['worst'] = [];
  if (d?.classes && labels && test.scores && labels.length > 0) {
    confusion = confusionMatrix(test.scores, labels, d.classes);
    const losses = crossEntropyPerRow(test.scores, labels);
    const predicted = predictions(test.scores, labels.length);
    worst = Array.from(worstRows(losses, 8), (row) => ({ row, label: labels[row], predicted: predicted[row], loss: losses[row] }));
  }
  let weights: Insights['weights'] = null;
  if (d?.imageShape) {
    const p = runner.session.params.find((q) => q.shape.length === 2 && q.shape[0] === d.features);
    if (p) {
      const [rows, cols] = p.shape;
      const w = runner.session.values.get(p.id) as Float64Array;
      const images = Array.from({ length: Math.min(cols, 16) }, (_, j) => Float64Array.from({ length: rows }, (_, i) => w[i * cols + j]));
      weights = { param: p.name, images };
    }
  }
  return { iteration: runner.iteration, confusion, worst, weights };
}
