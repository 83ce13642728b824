// Random programs over every op, for property tests. Only tests import this.
import fc from 'fast-check';
import { expect } from 'vitest';
import { ProgramError } from './errors';
import { compile } from './index';
import { ELEMENTWISE, INFIX, OPS, type OpName } from './ops';

/** The one-argument functions on numbers, from the op registry. */
const UNARY_FNS = ELEMENTWISE.filter((op) => op.arity === 1 && op.call).map((op) => op.call as string);
const BINARY_SYMBOLS = ['+', '-', '*', '/', '^', '**'];

/** A literal as the language writes it, e.g. `-1.25`, `.5`, `3`. */
export const literal = fc
  .integer({ min: -300, max: 300 })
  .map((k) => k / 100)
  .map((v) => (Math.abs(v) < 1 && v !== 0 && v > 0 ? String(v).replace(/^0\./, '.') : String(v)));

/** Builds an expression over `names` (already defined) with at most `depth` levels. */
function expr(names: readonly string[], depth: number): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: literal.map((l) => (l.startsWith('-') ? `(${l})` : l)) },
  );
  if (depth <= 0) return leaf;
  const sub = expr(names, depth - 1);
  return fc.oneof(
    { weight: 2, arbitrary: leaf },
    { weight: 3, arbitrary: fc.tuple(sub, fc.constantFrom(...BINARY_SYMBOLS), sub).map(([a, op, b]) => `(${a} ${op} ${b})`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...UNARY_FNS), sub).map(([f, a]) => `${f}(${a})`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('max', 'min'), sub, sub).map(([f, a, b]) => `${f}(${a}, ${b})`) },
    { weight: 1, arbitrary: sub.map((a) => `-${a}`) },
  );
}

/** A whole program: 1–4 inputs, then 1–5 statements, each over the names before it. */
export const program: fc.Arbitrary<string> = fc
  .tuple(fc.array(literal, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 5 }))
  .chain(([inputs, count]) => {
    const names = inputs.map((_, i) => `x${i}`);
    const header = inputs.map((v, i) => `x${i} = ${v}`);
    let statements: fc.Arbitrary<string[]> = fc.constant(header);
    for (let k = 0; k < count; k++) {
      const known = [...names, ...Array.from({ length: k }, (_, j) => `t${j}`)];
      statements = statements.chain((lines) => expr(known, 2).map((e) => [...lines, `t${k} = ${e}`]));
    }
    return statements.map((lines) => lines.join('\n'));
  });

const INFIX_TOKEN: Readonly<Partial<Record<OpName, string>>> = Object.fromEntries(
  Object.entries(INFIX).filter(([token]) => token !== '**').map(([token, op]) => [op, token]),
);

/**
 * A small program using `op` once, in a node named `t`, for tests that go over
 * every op of the registry: numbers for ops on numbers, 2×2 matrices for ops on
 * tensors, whose result is weighted and summed so the output is a number.
 */
export function opProgram(op: OpName): string {
  const entry = OPS[op];
  const token = INFIX_TOKEN[op];
  if (entry.kind === 'elementwise') {
    const call = entry.arity === 1 ? (op === 'neg' ? '-(a)' : `${entry.call}(a)`) : token ? `a ${token} b` : `${entry.call}(a, b)`;
    return `a = 0.5\nb = -2\nt = ${call}`;
  }
  const inputs = 'A = [[1, 2], [3, -4]]\nB = [[0.5, -1], [2, 0.25]]\nT = [[0, 1], [1, 0]]';
  const call = token ? `A ${token} B` : op === 'softmax_cross_entropy' ? `${entry.call}(A, T)` : `${entry.call}(A)`;
  return `${inputs}\nt = ${call}\nf = sum(t * [0.3, -0.7])`;
}

/** A tensor as a program literal, every digit kept: `[[1, -0.5], [2, 3]]`, `[1, 2]`, `1.5`. */
export function literalText(shape: readonly number[], data: ArrayLike<number>): string {
  const num = (x: number) => String(x);
  if (shape.length === 0) return num(data[0]);
  if (shape.length === 1) return `[${Array.from(data, num).join(', ')}]`;
  const [r, c] = shape;
  return `[${Array.from({ length: r }, (_, i) => `[${Array.from({ length: c }, (_, j) => num(data[i * c + j])).join(', ')}]`).join(', ')}]`;
}

/**
 * The fuzzers' property: a program either compiles to a complete walk (start,
 * forward steps, seed, one backward step per node), or fails with a
 * ProgramError whose line and column are inside the text. Anything else throws.
 */
export function expectCompilesOrFailsInside(text: string): void {
  try {
    const { graph, trace } = compile(text);
    const computed = graph.nodes.filter((n) => n.inputs.length > 0).length;
    expect(trace.steps.length).toBe(1 + computed + 1 + graph.nodes.length);
    expect(trace.finalStep.every((s) => s >= 0)).toBe(true);
  } catch (err) {
    if (!(err instanceof ProgramError)) throw err;
    const lines = text.split('\n');
    expect(err.line).toBeGreaterThanOrEqual(1);
    expect(err.line).toBeLessThanOrEqual(lines.length);
    expect(err.col).toBeGreaterThanOrEqual(1);
    expect(err.col).toBeLessThanOrEqual(Array.from(lines[err.line - 1]).length + 1);
  }
}
