// A small multilayer network written out as a scalar program, so every step
// of the visualizer works on it. Names follow one pattern the neuron view reads:
//   x{i}        inputs            w{l}_{j}{i}  weight from unit i into unit j of layer l
//   b{l}_{j}    bias              z{l}_{j}     pre-activation    a{l}_{j}  activation
//   y{k}        targets           L            the loss
// With a batch of several rows, per-row names end in `r{n}` (x1r2, z1_2r2, …);
// weights and biases are shared by the rows, so their gradients sum over the batch.
import { datasetEntry, type DatasetName } from './data/registry';
import { seededRandom } from './random';

export { seededRandom } from './random';

export type Activation = 'identity' | 'sigmoid' | 'tanh' | 'relu';

/** A per-unit name of the pattern above, read back: `z1_2r3` → z, layer 1, unit 2, row 3. */
export interface UnitName {
  letter: string;
  layer: number;
  unit: number;
  /** The batch row, or null when the name has no `r{n}` suffix. */
  row: number | null;
}

export function parseUnitName(label: string | null): UnitName | null {
  const m = /^([a-z])(\d+)_(\d+)(?:r(\d+))?$/.exec(label ?? '');
  return m ? { letter: m[1], layer: Number(m[2]), unit: Number(m[3]), row: m[4] === undefined ? null : Number(m[4]) } : null;
}

/** The inverse of parseUnitName. */
export function unitName({ letter, layer, unit, row }: UnitName): string {
  return `${letter}${layer}_${unit}${row === null ? '' : `r${row}`}`;
}
export type LossKind = 'mse' | 'softmax-ce';

export interface NetworkSpec {
  inputs: number;
  /** Width and activation of each layer; the last layer is the output. */
  layers: { width: number; activation: Activation }[];
  loss: LossKind;
  /** Rows in the batch (1–4). */
  batch: number;
  /** Seed of the weight initialisation (shown to the student, so a network can be rebuilt exactly). */
  seed: number;
}

export const NETWORK_LIMITS = { inputs: [1, 6], width: [1, 6], layers: [1, 4], batch: [1, 4], classes: [2, 5] } as const;

const round2 = (x: number): number => Math.round(x * 100) / 100;

function apply(activation: Activation, z: string): string {
  return activation === 'identity' ? z : `${activation}(${z})`;
}

/** Checks a spec against NETWORK_LIMITS; returns what is wrong, or null. */
export function specProblem(spec: NetworkSpec): string | null {
  const within = (v: number, [lo, hi]: readonly [number, number]) => Number.isInteger(v) && v >= lo && v <= hi;
  if (!within(spec.inputs, NETWORK_LIMITS.inputs)) return 'inputs';
  if (!within(spec.layers.length, NETWORK_LIMITS.layers)) return 'layers';
  if (spec.layers.some((l) => !within(l.width, NETWORK_LIMITS.width))) return 'width';
  if (!within(spec.batch, NETWORK_LIMITS.batch)) return 'batch';
  const out = spec.layers[spec.layers.length - 1].width;
  if (spec.loss === 'softmax-ce' && !within(out, NETWORK_LIMITS.classes)) return 'classes';
  return null;
}

export function networkProgram(spec: NetworkSpec): string {
  const rand = seededRandom(spec.seed);
  const uniform = () => round2(rand() * 2 - 1);
  const rows = spec.batch;
  const suffix = (r: number) => (rows > 1 ? `r${r}` : '');
  const lossName = (r: number) => (rows > 1 ? `loss${suffix(r)}` : 'L');
  const lines: string[] = [`# network ${spec.inputs}-${spec.layers.map((l) => l.width).join('-')}, seed ${spec.seed}`];
  const outWidth = spec.layers[spec.layers.length - 1].width;
  for (let r = 1; r <= rows; r++) {
    for (let i = 1; i <= spec.inputs; i++) lines.push(`x${i}${suffix(r)} = ${uniform()}`);
    if (spec.loss === 'mse') {
      for (let k = 1; k <= outWidth; k++) lines.push(`y${k}${suffix(r)} = ${round2(rand())}`);
    }
  }
  let fanIn = spec.inputs;
  spec.layers.forEach((layer, li) => {
    const l = li + 1;
    for (let j = 1; j <= layer.width; j++) {
      for (let i = 1; i <= fanIn; i++) lines.push(`w${l}_${j}${i} = ${uniform()}`);
      lines.push(`b${l}_${j} = ${round2(uniform() / 2)}`);
    }
    fanIn = layer.width;
  });
  const rowLosses: string[] = [];
  for (let r = 1; r <= rows; r++) {
    let prev = Array.from({ length: spec.inputs }, (_, i) => `x${i + 1}${suffix(r)}`);
    spec.layers.forEach((layer, li) => {
      const l = li + 1;
      const next: string[] = [];
      for (let j = 1; j <= layer.width; j++) {
        const sum = prev.map((p, i) => `w${l}_${j}${i + 1} * ${p}`).join(' + ');
        lines.push(`z${l}_${j}${suffix(r)} = ${sum} + b${l}_${j}`);
        const isOutput = li === spec.layers.length - 1;
        const act = isOutput && spec.loss === 'softmax-ce' ? 'identity' : layer.activation;
        if (act === 'identity') {
          next.push(`z${l}_${j}${suffix(r)}`);
        } else {
          lines.push(`a${l}_${j}${suffix(r)} = ${apply(act, `z${l}_${j}${suffix(r)}`)}`);
          next.push(`a${l}_${j}${suffix(r)}`);
        }
      }
      prev = next;
    });
    if (spec.loss === 'mse') {
      const terms = prev.map((o, k) => `(${o} - y${k + 1}${suffix(r)}) ^ 2`).join(' + ');
      lines.push(`${lossName(r)} = ${terms}`);
    } else {
      // Softmax with cross-entropy, the long way: exp, sum, divide, log. The true class is chosen by the seed.
      const truth = 1 + Math.floor(rand() * outWidth);
      prev.forEach((o, k) => lines.push(`e${k + 1}${suffix(r)} = exp(${o})`));
      lines.push(`total${suffix(r)} = ${prev.map((_, k) => `e${k + 1}${suffix(r)}`).join(' + ')}`);
      prev.forEach((_, k) => lines.push(`p${k + 1}${suffix(r)} = e${k + 1}${suffix(r)} / total${suffix(r)}`));
      lines.push(`# true class of row ${r}: ${truth}`);
      lines.push(`${lossName(r)} = -log(p${truth}${suffix(r)})`);
    }
    rowLosses.push(lossName(r));
  }
  // The loss of a batch is the mean of the rows' losses.
  if (rows > 1) lines.push(`L = (${rowLosses.join(' + ')}) / ${rows}`);
  return lines.join('\n');
}

/** A network of matrices on a data set: `train a 2-8-2 tanh network on moons`. */
export interface MatrixNetworkSpec {
  readonly dataset: DatasetName;
  /** Widths of the hidden layers (none: softmax regression, or linear regression on `line`). */
  readonly hidden: readonly number[];
  readonly activation: Activation;
  /** Rows per mini-batch. */
  readonly batch: number;
  /** Seed of the weights (and of the points, for a point set). */
  readonly seed: number;
}

export const MATRIX_LIMITS = { hidden: [0, 3], width: [1, 128], batch: [1, 512] } as const;

/** What is out of range in a matrix network spec, or null. */
export function matrixSpecProblem(spec: MatrixNetworkSpec): 'dataset' | 'layers' | 'width' | 'batch' | 'seed' | null {
  const within = (v: number, [lo, hi]: readonly [number, number]) => Number.isInteger(v) && v >= lo && v <= hi;
  if (!datasetEntry(spec.dataset)) return 'dataset';
  if (!within(spec.hidden.length, MATRIX_LIMITS.hidden)) return 'layers';
  if (spec.hidden.some((w) => !within(w, MATRIX_LIMITS.width))) return 'width';
  if (!within(spec.batch, MATRIX_LIMITS.batch)) return 'batch';
  if (!within(spec.seed, [0, 1e6])) return 'seed';
  return null;
}

/** A weight matrix's spread: about 1/√(fan-in), so the first activations are neither tiny nor saturated. */
const weightStd = (fanIn: number): number => Number((1 / Math.sqrt(fanIn)).toPrecision(2));

/**
 * The program of a matrix network on a data set: the data line, `param` weights
 * and biases, one line a layer, and the loss (softmax with cross-entropy for a
 * classifier, the mean squared error for `line`).
 */
export function matrixNetworkProgram(spec: MatrixNetworkSpec): string {
  const entry = datasetEntry(spec.dataset)!;
  const defaults = Object.fromEntries(entry.options.map((o) => [o.name, o.default]));
  const classes = entry.classes(defaults as never);
  const out = classes ?? 1;
  const widths = [entry.features, ...spec.hidden, out];
  const act = spec.activation === 'identity' ? '' : spec.activation;
  const what = spec.hidden.length === 0 ? (classes ? 'softmax regression' : 'linear regression') : `a ${widths.join('-')}${act ? ` ${act}` : ''} network`;
  const options =
    entry.kind === 'points'
      ? `n=${defaults.n}, noise=${defaults.noise}, seed=${spec.seed}, batch=${spec.batch}`
      : `batch=${spec.batch}`;
  const lines = [`# ${what} on ${spec.dataset}`, `data X, Y = ${spec.dataset}(${options})`];
  let input = 'X';
  for (let l = 1; l < widths.length; l++) {
    const [fanIn, width] = [widths[l - 1], widths[l]];
    lines.push(`param W${l} = randn(${fanIn}, ${width}, std=${weightStd(fanIn)}, seed=${spec.seed + l - 1})`);
    lines.push(`param b${l} = zeros(${width})`);
    const affine = `${input} @ W${l} + b${l}`;
    if (l < widths.length - 1) {
      lines.push(`H${l} = ${act ? `${act}(${affine})` : affine}`);
      input = `H${l}`;
    } else lines.push(`Z = ${affine}`);
  }
  lines.push(classes ? 'L = softmax_cross_entropy(Z, Y)' : 'L = mean((Z - Y) ^ 2)');
  return lines.join('\n');
}
