// Programs of about 1,000 nodes in the shapes students step (issue 14): the
// layered program of the other benches, a deep chain whose every step also
// reads the input (long edges back to x), and the network builder's biggest
// output (its limits: 6 inputs, four layers of 6 tanh units, a batch of 4).
import { networkProgram } from '../src/engine';
import { layeredProgram } from '../src/engine/layeredProgram';

export function chainProgram(steps: number): string {
  const lines = ['x = 0.5', 'a0 = x'];
  for (let i = 1; i <= steps; i++) lines.push(`a${i} = tanh(a${i - 1} * 0.9 + x)`);
  lines.push(`L = a${steps} * a${steps}`);
  return lines.join('\n');
}

export const BUILDER_PROGRAM = networkProgram({
  inputs: 6,
  layers: [
    { width: 6, activation: 'tanh' },
    { width: 6, activation: 'tanh' },
    { width: 6, activation: 'tanh' },
    { width: 3, activation: 'identity' },
  ],
  loss: 'softmax-ce',
  batch: 4,
  seed: 1,
});

export const STEP_SHAPES: readonly { shape: string; program: string }[] = [
  { shape: 'layered', program: layeredProgram(1000) },
  { shape: 'chain', program: chainProgram(250) },
  { shape: 'builder', program: BUILDER_PROGRAM },
];
