// Tensor and training benchmarks: the MLP 784-128-10 at batch 64, forward and
// backward, and one training step (the same step in PyTorch float64 beside it
// where /usr/bin/python3 has torch, and @tensorflow/tfjs's CPU backend where it
// is installed); one epoch of the 28×28 subset.
import { spawnSync } from 'node:child_process';
import { loadImageAsset } from '../src/data/loadNode';
import { backwardSweep, compile, forwardSweep } from '../src/engine';
import { createSession } from '../src/engine/training/session';
import { emit, stats } from './benchUtil';

const MLP = (batch: number) =>
  [
    `X = uniform(${batch}, 784, low=0, high=1, seed=3)`,
    `Y = ${oneHot(batch, 10)}`,
    'param W1 = randn(784, 128, std=0.05, seed=1)',
    'param b1 = zeros(128)',
    'param W2 = randn(128, 10, std=0.1, seed=2)',
    'param b2 = zeros(10)',
    'H = tanh(X @ W1 + b1)',
    'L = softmax_cross_entropy(H @ W2 + b2, Y)',
  ].join('\n');

function oneHot(rows: number, classes: number): string {
  return `[${Array.from({ length: rows }, (_, i) => `[${Array.from({ length: classes }, (_, j) => (i % classes === j ? 1 : 0)).join(', ')}]`).join(', ')}]`;
}

function time(runs: number, warmup: number, f: () => void): ReturnType<typeof stats> {
  const samples: number[] = [];
  for (let r = 0; r < warmup + runs; r++) {
    const t0 = performance.now();
    f();
    if (r >= warmup) samples.push(performance.now() - t0);
  }
  return stats(samples);
}

function benchMlp(): void {
  const { graph } = compile(MLP(64));
  let values = forwardSweep(graph);
  const f = time(15, 3, () => {
    values = forwardSweep(graph);
  });
  const b = time(15, 3, () => backwardSweep(graph, values));
  emit({ name: 'tensor/mlp-784-128-10', batch: 64, nodes: graph.nodes.length, forward_ms: f.median, forward_min_ms: f.min, forward_max_ms: f.max, backward_ms: b.median, backward_min_ms: b.min, backward_max_ms: b.max });
}

/** The same SGD step in PyTorch, float64, on this machine's CPU, or null without torch. */
function pytorchStep(): number | null {
  const code = `
import time, torch
torch.manual_seed(0)
X = torch.rand(64, 784, dtype=torch.float64)
Y = torch.eye(10, dtype=torch.float64)[torch.arange(64) % 10]
W1 = (torch.randn(784, 128, dtype=torch.float64) * 0.05).requires_grad_()
b1 = torch.zeros(128, dtype=torch.float64, requires_grad=True)
W2 = (torch.randn(128, 10, dtype=torch.float64) * 0.1).requires_grad_()
b2 = torch.zeros(10, dtype=torch.float64, requires_grad=True)
opt = torch.optim.SGD([W1, b1, W2, b2], lr=0.1)
def step():
    H = torch.tanh(X @ W1 + b1)
    Z = H @ W2 + b2
    L = -(Y * torch.log_softmax(Z, dim=-1)).sum(dim=-1).mean()
    opt.zero_grad(); L.backward(); opt.step()
for _ in range(10): step()
samples = []
for _ in range(40):
    t = time.perf_counter(); step(); samples.append((time.perf_counter() - t) * 1000)
samples.sort(); print(samples[len(samples) // 2])
`;
  const out = spawnSync('/usr/bin/python3', ['-c', code], { encoding: 'utf8', timeout: 120_000 });
  const ms = Number(out.stdout.trim());
  return out.status === 0 && Number.isFinite(ms) ? ms : null;
}

/** What the benchmark uses of @tensorflow/tfjs-core (loaded from CHAINSTEP_TFJS when set; not a dependency). Functional ops only: the chained ones (`x.matMul`) need a registration import of their own. */
type TfTensor = object;
interface Tf {
  setBackend(name: string): Promise<boolean>;
  randomUniform(shape: number[]): TfTensor;
  randomNormal(shape: number[], mean: number, std: number): TfTensor;
  zeros(shape: number[]): TfTensor;
  range(start: number, stop: number, step: number, dtype: string): TfTensor;
  mod(a: TfTensor, b: number): TfTensor;
  cast(t: TfTensor, dtype: string): TfTensor;
  oneHot(indices: TfTensor, depth: number): TfTensor;
  matMul(a: TfTensor, b: TfTensor): TfTensor;
  add(a: TfTensor, b: TfTensor): TfTensor;
  variable(t: TfTensor): TfTensor;
  tanh(t: TfTensor): TfTensor;
  tidy(f: () => void): void;
  losses: { softmaxCrossEntropy(labels: TfTensor, logits: TfTensor): TfTensor };
  train: { sgd(lr: number): { minimize(f: () => TfTensor): void } };
}

/**
 * The same step with tfjs's CPU backend (float32: tfjs has no float64), or null
 * where it is not installed: `npm install @tensorflow/tfjs`
 * in a folder of its own and set CHAINSTEP_TFJS to that folder.
 */
async function tfjsStep(): Promise<number | null> {
  const from = process.env.CHAINSTEP_TFJS;
  if (!from) return null;
  try {
    // The umbrella package registers the gradients and the CPU backend.
    const tf = (await import(`${from}/node_modules/@tensorflow/tfjs/dist/tf.node.js`)) as unknown as Tf;
    await tf.setBackend('cpu');
    const X = tf.randomUniform([64, 784]);
    const Y = tf.cast(tf.oneHot(tf.cast(tf.mod(tf.range(0, 64, 1, 'int32'), 10), 'int32'), 10), 'float32');
    const W1 = tf.variable(tf.randomNormal([784, 128], 0, 0.05));
    const b1 = tf.variable(tf.zeros([128]));
    const W2 = tf.variable(tf.randomNormal([128, 10], 0, 0.1));
    const b2 = tf.variable(tf.zeros([10]));
    const opt = tf.train.sgd(0.1);
    const step = () => tf.tidy(() => opt.minimize(() => tf.losses.softmaxCrossEntropy(Y, tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(X, W1), b1)), W2), b2))));
    return time(30, 5, step).median;
  } catch {
    return null;
  }
}

async function benchTrainStep(): Promise<void> {
  const { graph } = compile(MLP(64));
  const session = createSession(graph, { optimizer: 'sgd', lr: 0.1 });
  const s = time(40, 10, () => session.step());
  emit({ name: 'train/mlp-784-128-10', batch: 64, step_ms: s.median, step_min_ms: s.min, step_max_ms: s.max, pytorch_float64_ms: pytorchStep(), tfjs_cpu_float32_ms: await tfjsStep() });
}

async function benchEpoch(): Promise<void> {
  const fashion = await loadImageAsset('fashion');
  const program = 'data X, Y = fashion(batch=64)\nparam W1 = randn(784, 128, std=0.05, seed=1)\nparam b1 = zeros(128)\nparam W2 = randn(128, 10, std=0.1, seed=2)\nparam b2 = zeros(10)\nH = tanh(X @ W1 + b1)\nL = softmax_cross_entropy(H @ W2 + b2, Y)';
  const { graph } = compile(program, { assets: new Map([['fashion', fashion]]) });
  const session = createSession(graph, { optimizer: 'sgd', lr: 0.1 });
  const perEpoch = graph.data?.perEpoch ?? 0;
  const t0 = performance.now();
  for (let k = 0; k < perEpoch; k++) session.step();
  const ms = performance.now() - t0;
  emit({ name: 'train/fashion-epoch', rows: graph.data?.dataset.train.rows, batch: 64, steps: perEpoch, epoch_ms: Math.round(ms), test_accuracy: session.evaluate('test').accuracy });
}

export async function benchTensor(): Promise<void> {
  benchMlp();
  await benchTrainStep();
  await benchEpoch();
}
