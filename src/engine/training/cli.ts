// The `train` command line (CONTRACTS §10) as a function of its arguments: it
// yields the JSON lines to print, so tests call it without a process.
import { compile } from '../index';
import { jsonNumber } from '../report';
import { isOptimizerKind, OPTIMIZER_KINDS, type OptimizerKind } from '../optim';
import { allFinite, toNested, type Nested } from '../tensor/tensor';
import type { ImageAsset } from '../data';
import { divergence } from '../train';
import { createSession, trainProblem, type TrainSettings } from './session';

/** Longest run the command line starts; longer ones are refused with a message (SECURITY.md). */
export const MAX_TRAIN_STEPS = 1_000_000;

export interface TrainArgs {
  readonly steps: number;
  readonly settings: TrainSettings;
}

/** Thrown for arguments or programs the command refuses: the message goes to stderr, exit 1. */
export class TrainUsageError extends Error {}

const FLAGS = ['--steps', '--lr', '--optimizer', '--momentum', '--batch', '--seed'] as const;

/** Parses `[--steps N] [--lr A] [--optimizer sgd|momentum|adam] [--momentum M] [--batch B] [--seed S]`. */
export function parseTrainArgs(argv: readonly string[]): TrainArgs {
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (!(FLAGS as readonly string[]).includes(flag)) throw new TrainUsageError(`unknown option ${flag}; the options are ${FLAGS.join(', ')}`);
    const value = argv[i + 1];
    if (value === undefined) throw new TrainUsageError(`${flag} needs a value`);
    given.set(flag, value);
    i++;
  }
  const number = (flag: string, fallback: number | undefined, check: (x: number) => boolean, rule: string): number | undefined => {
    const raw = given.get(flag);
    if (raw === undefined) return fallback;
    const x = Number(raw);
    if (raw.trim() === '' || !check(x)) throw new TrainUsageError(`${flag} must be ${rule}, found ${raw}`);
    return x;
  };
  const whole = (x: number) => Number.isInteger(x) && x >= 0;
  const steps = number('--steps', 100, whole, 'a whole number') as number;
  if (steps > MAX_TRAIN_STEPS) throw new TrainUsageError(`--steps ${steps} is more than the ${MAX_TRAIN_STEPS.toLocaleString('en')} steps the command runs at once`);
  const optimizer = given.get('--optimizer') ?? 'sgd';
  if (!isOptimizerKind(optimizer)) throw new TrainUsageError(`--optimizer must be one of ${OPTIMIZER_KINDS.join(', ')}, found ${optimizer}`);
  const settings: TrainSettings = {
    optimizer: optimizer as OptimizerKind,
    lr: number('--lr', 0.1, Number.isFinite, 'a number') as number,
    momentum: number('--momentum', 0.9, Number.isFinite, 'a number'),
    batch: number('--batch', undefined, (x) => Number.isInteger(x) && x >= 1, 'a whole number of at least 1'),
    seed: number('--seed', undefined, whole, 'a whole number'),
  };
  return { steps, settings };
}

function jsonTensor(x: Nested): unknown {
  return typeof x === 'number' ? jsonNumber(x) : x.map(jsonTensor);
}

/**
 * The lines of a run: `{"step": k, "loss": L}` for k = 0 … N−1 (the loss before
 * update k), then `{"params": {NAME: value, …}}`. `warn` hears of the first
 * non-finite loss or parameter (the run goes on, as PyTorch's would).
 */
export function* trainLines(text: string, args: TrainArgs, assets: ReadonlyMap<string, ImageAsset>, warn: (message: string) => void): Generator<string> {
  const { graph } = compile(text, { assets, batch: args.settings.batch, batchSeed: args.settings.seed });
  const problem = trainProblem(graph, args.settings);
  if (problem) throw new TrainUsageError(problem);
  const data = graph.nodes.find((n) => n.op === 'input' && n.role === 'data' && !allFinite(n.tensor.data));
  if (data) throw new TrainUsageError(`the data ${data.label ?? data.id} holds ∞ or NaN; training cannot learn from it`);
  const session = createSession(graph, args.settings);
  let warned = false;
  const losses: number[] = [];
  for (let k = 0; k < args.steps; k++) {
    const result = session.step();
    losses.push(result.loss);
    if (losses.length > 8) losses.shift();
    if (warned) {
      // said once
    } else if (!Number.isFinite(result.loss) || result.nonFinite) {
      warned = true;
      const where = result.nonFinite ? `, first in ${result.nonFinite}` : '';
      warn(`step ${k}: the loss or a parameter is no longer finite${where}; the learning rate ${args.settings.lr} is too large for this loss — try a smaller one`);
    } else if (divergence(losses) === 'growing') {
      warned = true;
      warn(`step ${k}: the loss keeps growing (${losses[losses.length - 1]}); each update overshoots — try a smaller learning rate than ${args.settings.lr}`);
    }
    yield JSON.stringify({ step: k, loss: jsonNumber(result.loss) });
  }
  const params: Record<string, unknown> = {};
  for (const p of session.params) {
    const values = session.values.get(p.id) as Float64Array;
    params[p.name] = jsonTensor(toNested({ shape: p.shape, data: values }));
  }
  yield JSON.stringify({ params });
}
