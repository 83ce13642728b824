import { compile } from './src/engine';
import { TrainingRunner } from './src/engine/training/runner';
import { matrixNetworkProgram } from './src/engine/network';
import { DIGITS } from './src/engine/data/assets/digits';
import { FASHION } from './src/engine/data/assets/fashion';
const assets = new Map([['digits', DIGITS], ['fashion', FASHION]] as const) as Map<string, any>;
const line = '# linear regression by SGD over points: ŷ = x·w\ndata X, Y = line(n=50, noise=0.3, seed=1, batch=10)\nparam w = 0.5\nL = mean((X * w - Y) ^ 2)';
{
  const c = compile(line);
  const w = c.graph.nodes.find(n => n.label === 'w')!;
  console.log('line grad0', c.trace.grads[w.index], 'L0', c.graph.nodes[c.graph.output].value, 'rows', c.graph.data!.dataset.train.rows);
  for (const lr of [0.05, 0.1, 0.2]) {
    const r = new TrainingRunner(line, { optimizer: 'sgd', lr });
    r.watch = { id: 'w', index: 0 };
    const u = r.run(1).update;
    const out = [u?.thetaNew];
    for (const k of [7, 32, 92]) { r.run(k); out.push(r.session.values.get('w')![0]); }
    console.log('lr', lr, out, r.evaluate());
  }
}
const blobs = '# logistic regression on two blobs\ndata X, Y = blobs(n=200, noise=0.4, seed=1, batch=20)\nparam W = zeros(2, 2)\nparam b = zeros(2)\nL = softmax_cross_entropy(X @ W + b, Y)';
for (const lr of [0.1, 0.5]) {
  const r = new TrainingRunner(blobs, { optimizer: 'sgd', lr });
  const e0 = r.evaluate();
  r.run(8); const e1 = r.evaluate(); r.run(72); const e2 = r.evaluate();
  console.log('blobs', lr, e0, e1, e2);
}
const moons = matrixNetworkProgram({ dataset: 'moons', hidden: [8], activation: 'tanh', batch: 32, seed: 1 });
for (const [opt, lr] of [['sgd', 0.5], ['adam', 0.05], ['momentum', 0.1], ['adam', 0.02]] as const) {
  const r = new TrainingRunner(moons, { optimizer: opt, lr });
  const e0 = r.evaluate();
  let at = -1; for (let k = 0; k < 100; k++) { r.run(5); if (at < 0 && (r.evaluate().testAccuracy ?? 0) >= 0.9) at = r.iteration; }
  console.log('moons', opt, lr, 'L0', e0.trainLoss, e0.testAccuracy, '>=0.9 at', at, r.evaluate());
}
const digits = '# softmax regression on 8×8 digits\ndata X, Y = digits(batch=32)\nparam W = zeros(64, 10)\nparam b = zeros(10)\nL = softmax_cross_entropy(X @ W + b, Y)';
for (const lr of [0.1, 0.5, 1]) {
  const r = new TrainingRunner(digits, { optimizer: 'sgd', lr }, assets);
  const e0 = r.evaluate(); r.run(47); const e1 = r.evaluate(); r.run(47*4); const e2 = r.evaluate();
  console.log('digits', lr, e0.trainLoss, e1, e2);
}
const fashion = ""; process.exit(0);
console.log(fashion);
for (const [opt, lr] of [['sgd', 0.1], ['sgd', 0.3], ['adam', 0.005]] as const) {
  const r = new TrainingRunner(fashion, { optimizer: opt, lr }, assets);
  const e0 = r.evaluate(); let t = performance.now(); r.run(47); const step = (performance.now() - t) / 47; const e1 = r.evaluate(); r.run(47*4); const e2 = r.evaluate();
  console.log('fashion', opt, lr, 'step ms', step.toFixed(2), e0.trainLoss, e1, e2);
}
