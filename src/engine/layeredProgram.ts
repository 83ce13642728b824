// A synthetic program of any size with the shape of a real one (layers of
// values reused by later statements), for benchmarks and layout-quality tests.
import { seededRandom } from './network';

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
  for (let i = 0; i < inputs; i++) {
    lines.push(`x${i} = ${(rand() * 2 - 1).toFixed(2)}`);
    names.push(`x${i}`);
  }
  const ops = ['+', '*', '-'];
  let k = 0;
  while (names.length < nodes - 1) {
    const window = Math.min(names.length, width * 2);
    const pick = () => names[names.length - 1 - Math.floor(rand() * window)];
    const name = `t${k++}`;
    lines.push(`${name}=${pick()}${ops[Math.floor(rand() * ops.length)]}${pick()}`);
    names.push(name);
  }
  lines.push(`L = ${names.slice(-Math.min(width, 20)).join(' + ')}`);
  return lines.join('\n');
}
