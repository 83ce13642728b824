// Inputs and constants: nodes without inputs, whose value is given.
import type { LeafOp, OpName } from './types';

const leaf = (name: OpName): LeafOp => ({
  kind: 'leaf',
  name,
  arity: 0,
  symbol: '',
  texForm: 'leaf',
  precedence: 5,
  tex: ([a]) => a ?? '',
  ruleTex: [],
  rule: 'leaf',
  torch: { precedence: 5, write: () => '' },
});

export const LEAF_OPS = [leaf('input'), leaf('const')] as const;
