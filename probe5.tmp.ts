import { TrainingRunner } from './src/engine/training/runner';
import { lessonById } from './fixtures/lessons';
const r = new TrainingRunner(lessonById('moons-mlp')!.program, { optimizer: 'adam', lr: 0.05 });
const c = r.run(5000);
console.log(c.iteration, c.divergence, c.losses.slice(-10));
