// A small multilayer network written out as a scalar program, so every step
// of the visualizer works on it. Names follow one pattern the neuron view reads:
//   x{i}        inputs            w{l}_{j}{i}  weight from unit i into unit j of layer l
//   b{l}_{j}    bias              z{l}_{j}     pre-activation    a{l}_{j}  activation
//   y{k}        targets           L            the loss
// With a batch of several rows, per-row names end in `r{n}` (x1r2, z1_2r2, …);
// weights and biases are shared by the rows, so their gradients sum over the batch.
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
