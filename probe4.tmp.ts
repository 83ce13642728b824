import { TrainingRunner } from './src/engine/training/runner';
import { lessonById } from './fixtures/lessons';
const r = new TrainingRunner(lessonById('moons-mlp')!.program, { optimizer: 'adam', lr: 0.05 });
const out: string[] = [];
for (let k = 0; k < 200; k += 5) { out.push(`${r.iteration}:${r.evaluate().testAccuracy}`); r.run(5); }
console.log(out.join(' '));
