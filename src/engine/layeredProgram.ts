// A synthetic program of any size with the shape of a real one (layers of
// values reused by later statements), for benchmarks and layout-quality tests.
import { seededRandom } from './network';

const OPS = ['+', '*', '-'] as const;
type Op = (typeof OPS)[number];
const VALUE_LIMIT = 10;

function apply(op: Op, a: number, b: number): number {
  return op === '+' ? a + b : op === '-' ? a - b : a * b;
}

/**
 * A layered program of about `nodes` nodes: a tenth are inputs, each other
 * statement combines two names from the last few layers (so values are reused
 * and gradients branch), and the last statement sums the final layer.
 */
export function layeredProgram(nodes: number, seed = 1): string {
  const rand = seededRandom(seed);
  const inputs = Math.max(2, Math.round(nodes / 10));
  const width = Math.max(2, Math.round(Math.sqrt(nodes)));
  const lines: string[] = [];
  const names: string[] = [];
  const values: number[] = [];
  for (let i = 0; i < inputs; i++) {
    const value = Number((rand() * 2 - 1).toFixed(2));
    lines.push(`x${i} = ${value.toFixed(2)}`);
    names.push(`x${i}`);
    values.push(value);
  }
  let k = 0;
  while (names.length < nodes - 1) {
    const window = Math.min(names.length, width * 2);
    const pick = () => names.length - 1 - Math.floor(rand() * window);
    const name = `t${k++}`;
    const a = pick();
    let op = OPS[Math.floor(rand() * OPS.length)];
    const b = pick();
    const size = (o: Op) => Math.abs(apply(o, values[a], values[b]));
    // A result past VALUE_LIMIT takes the operation with the smallest result
    // instead (it is at most the limit): with random operations, products of
    // products passed 1e308 and a third of a 1,000-node program was NaN.
    if (size(op) > VALUE_LIMIT) op = OPS.reduce((best, o) => (size(o) < size(best) ? o : best));
    lines.push(`${name}=${names[a]}${op}${names[b]}`);
    names.push(name);
    values.push(apply(op, values[a], values[b]));
  }
  lines.push(`L = ${names.slice(-Math.min(width, 20)).join(' + ')}`);
  return lines.join('\n');
}
