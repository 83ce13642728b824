// `npm run bench`: one JSON object per line (CONTRACTS §8).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { hingeLoss, makeMlp } from '../src/engine/mlp';
import { Tape, Value } from '../src/engine/value';
import { benchBrowser } from './benchBrowser';
import { benchLayout } from './benchLayout';
import { benchStepTex } from './benchStepTex';
import { benchTensor } from './benchTensor';
import { benchData } from './data/bench';
import { emit, stats } from './benchUtil';

const here = dirname(fileURLToPath(import.meta.url));

interface MoonsData {
  X: number[][];
  y: number[];
  params: number[];
}

function benchMoons(runs: number, warmup: number): void {
  const path = resolve(here, '../../shared/bench/moons-mlp.json');
  const data = JSON.parse(readFileSync(path, 'utf8')) as MoonsData;
  const forward: number[] = [];
  const backward: number[] = [];
  let nodes = 0;
  let loss = 0;
  for (let r = 0; r < warmup + runs; r++) {
    const t0 = performance.now();
    const mlp = makeMlp(2, [16, 16, 1], data.params);
    const L = hingeLoss(mlp, data.X, data.y);
    const t1 = performance.now();
    L.backward();
    const t2 = performance.now();
    if (r >= warmup) {
      forward.push(t1 - t0);
      backward.push(t2 - t1);
    }
    nodes = L.tape.size;
    loss = L.data;
  }
  const f = stats(forward);
  const b = stats(backward);
  const total = stats(forward.map((x, i) => x + backward[i]));
  emit({
    name: 'engine/moons-mlp',
    nodes,
    loss,
    runs,
    forward_ms: f.median,
    forward_min_ms: f.min,
    forward_max_ms: f.max,
    backward_ms: b.median,
    backward_min_ms: b.min,
    backward_max_ms: b.max,
    total_ms: total.median,
    total_min_ms: total.min,
    total_max_ms: total.max,
  });
}

function benchChain(length: number, runs: number, warmup: number): void {
  const forward: number[] = [];
  const backward: number[] = [];
  let grad = 0;
  for (let r = 0; r < warmup + runs; r++) {
    const t0 = performance.now();
    const tape = new Tape();
    const x = new Value(0.5, tape);
    const scale = new Value(1.0000001, tape);
    const shift = new Value(1e-9, tape);
    let v = x;
    // Alternate cheap ops so the chain is 100,000 ops long and stays finite.
    for (let i = 0; i < length; i++) v = i % 2 === 0 ? v.mul(scale) : v.add(shift);
    const t1 = performance.now();
    v.backward();
    const t2 = performance.now();
    if (r >= warmup) {
      forward.push(t1 - t0);
      backward.push(t2 - t1);
    }
    grad = x.grad;
  }
  const f = stats(forward);
  const b = stats(backward);
  const total = stats(forward.map((x, i) => x + backward[i]));
  emit({
    name: 'engine/chain-100k',
    ops: length,
    grad,
    forward_ms: f.median,
    forward_min_ms: f.min,
    forward_max_ms: f.max,
    backward_ms: b.median,
    backward_min_ms: b.min,
    backward_max_ms: b.max,
    total_ms: total.median,
    total_min_ms: total.min,
    total_max_ms: total.max,
  });
}

// `npm run bench -- engine` (or tensor/train, data, layout, browser) runs one group; no argument runs all.
// `npm run bench -- browser keystroke` runs only the browser benchmarks whose name has that word.
const only = process.argv[2];
if (!only || only === 'engine') {
  benchMoons(21, 5);
  benchChain(100_000, 11, 3);
}
if (!only || only === 'tensor' || only === 'train') await benchTensor();
if (!only || only === 'tensor') benchStepTex();
if (!only || only === 'data') benchData();
if (!only || only === 'layout') benchLayout();
if (!only || only === 'browser') await benchBrowser(process.argv[3]);
