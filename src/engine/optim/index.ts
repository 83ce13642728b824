// torch.optim's SGD, SGD with momentum and Adam over Float64Array parameters.
export { createOptimizer, optimizerProblem, type Optimizer, type OptimizerSettings, type OptimizerSnapshot } from './optimizer';
export { OPTIMIZERS, OPTIMIZER_KINDS, LEARNING_RATE, isOptimizerKind, optimizerOptions } from './registry';
export type { AdamUpdate, MomentumUpdate, OptimizerKind, SgdUpdate, UpdateRecord } from './types';
