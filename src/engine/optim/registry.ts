// The optimizers by name: one entry each (sgd.ts, momentum.ts, adam.ts).
import type { NumberOption } from '../data/options';
import { adam } from './adam';
import { momentum } from './momentum';
import { sgd } from './sgd';
import type { OptimizerKind, OptimizerRule } from './types';

export const OPTIMIZERS: { readonly [K in OptimizerKind]: OptimizerRule<never> } = {
  sgd: sgd as OptimizerRule<never>,
  momentum: momentum as OptimizerRule<never>,
  adam: adam as OptimizerRule<never>,
};

export const OPTIMIZER_KINDS = Object.keys(OPTIMIZERS) as OptimizerKind[];

/** The learning rate, common to all three (CONTRACTS §10: default 0.1). */
export const LEARNING_RATE: NumberOption = {
  name: 'lr',
  default: 0.1,
  min: 0,
  max: 1e6,
  doc: 'α, the learning rate; it may be changed between steps',
};

export function isOptimizerKind(name: string): name is OptimizerKind {
  return Object.hasOwn(OPTIMIZERS, name);
}

/** Every option of an optimizer, the learning rate first. */
export function optimizerOptions(kind: OptimizerKind): readonly NumberOption[] {
  return [LEARNING_RATE, ...OPTIMIZERS[kind].options];
}
