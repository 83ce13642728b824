// Random programs over every op, for property tests. Only tests import this.
import fc from 'fast-check';
import { FUNCTIONS } from './ops';

const UNARY_FNS = Object.keys(FUNCTIONS).filter((f) => f !== 'max' && f !== 'min');
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
