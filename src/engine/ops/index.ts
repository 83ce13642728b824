// The op registry: one entry per op (leaves, ops on numbers applied element by
// element, ops on whole tensors). The parser, builder, backward sweep,
// formulas, drawing and PyTorch export all read their knowledge of an op here.
import { ELEMENTWISE_OPS } from './elementwise';
import { LEAF_OPS } from './leaves';
import { TENSOR_OPS } from './tensorOps';
import type { ElementwiseOp, OpEntry, OpName } from './types';

export const OPS: Readonly<Record<OpName, OpEntry>> = Object.fromEntries(
  [...LEAF_OPS, ...ELEMENTWISE_OPS, ...TENSOR_OPS].map((entry) => [entry.name, entry]),
) as Record<OpName, OpEntry>;

export const ALL_OPS = Object.keys(OPS) as OpName[];

/** The ops on numbers (every one also applies element by element to tensors). */
export const ELEMENTWISE: readonly ElementwiseOp[] = ELEMENTWISE_OPS;

/** Functions callable by name that are ops (constructors are in callables.ts). */
export const FUNCTIONS: Readonly<Record<string, OpName>> = Object.fromEntries(
  Object.values(OPS).flatMap((entry) => (entry.call ? [[entry.call, entry.name]] : [])),
);

/** Infix operators of the program language and the ops they make. */
export const INFIX: Readonly<Record<string, OpName>> = { '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '^': 'pow', '**': 'pow', '@': 'matmul' };

export type { ElementwiseOp, LeafOp, OpEntry, OpName, RuleKind, TensorOp, TexForm, TexOperands, TorchSpelling } from './types';
export { pyNumber } from './elementwise';
