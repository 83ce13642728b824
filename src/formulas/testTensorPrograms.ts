// Tensor programs for the formula tests: every op of the registry, reductions
// along an axis, vectors on either side of @, and every op on numbers with a
// vector broadcast over a matrix. Only tests import this.
import { ALL_OPS, ELEMENTWISE, OPS } from '../engine';
import { INFIX } from '../engine/ops';
import { opProgram } from '../engine/testPrograms';

const token = (name: string) => Object.entries(INFIX).find(([, op]) => op === name)?.[0];

export function tensorPrograms(): string[] {
  const tensorOps = ALL_OPS.filter((op) => OPS[op].kind === 'tensor').map(opProgram);
  const axes = ['A = [[1, 2, 3], [-4, 5, 0.5]]\ns = sum(A, 0)\nm = mean(A, 1)\nL = sum(s * s) + sum(m * m)'];
  const vectors = [
    'A = [[1, 2], [3, 4]]\nx = [1, -1]\ny = A @ x\nL = sum(y * y)',
    'x = [1, -1, 2]\nB = [[1, 2], [3, 4], [5, 6]]\ny = x @ B\nL = sum(y * y)',
    'u = [1, 2]\nv = [3, -4]\nL = u @ v',
    'z = [1, 2, 0.5]\np = softmax(z)\nL = sum(p * [1, -1, 2])',
  ];
  const elementwise = ELEMENTWISE.filter((op) => op.arity === 2).map(
    (op) => `A = [[0.5, 1.5], [2, 0.25]]\nb = [0.75, 2]\nc = 1.5\nt = ${op.call ? `${op.call}(A, b)` : `A ${token(op.name)} b`}\nu = t * c\nL = sum(u * u)`,
  );
  const unary = ELEMENTWISE.filter((op) => op.arity === 1 && op.call).map((op) => `A = [[0.5, 1.5], [2, 0.25]]\nL = sum(${op.call}(A) * [1, -2])`);
  return [...tensorOps, ...axes, ...vectors, ...elementwise, ...unary, 'A = [[0.5, -1], [2, 3]]\nL = sum(A ^ 2) + mean(-A)'];
}
