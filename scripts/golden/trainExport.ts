// Writes what scripts/golden/train.py needs to replay each training run of
// fixtures/trainingRuns.ts in PyTorch: the program's PyTorch export, the names
// of its parameters and data, and each step's mini-batch.
//   npx tsx scripts/golden/trainExport.ts > /tmp/train-cases.json
import { loadImageAsset } from '../../src/data/loadNode';
import { compile } from '../../src/engine';
import { createBatcher, gatherRows, type ImageAsset } from '../../src/engine/data';
import { toNested } from '../../src/engine/tensor/tensor';
import { toPyTorch } from '../../src/export/pytorch';
import { TRAINING_RUNS } from '../../fixtures/trainingRuns';

const assets = new Map<string, ImageAsset>([['digits', await loadImageAsset('digits')]]);
const cases = TRAINING_RUNS.map((run) => {
  const { settings, steps } = run.args;
  const { graph } = compile(run.program, { assets, batch: settings.batch, batchSeed: settings.seed });
  const params = graph.nodes.filter((n) => n.op === 'input' && n.role === 'param').map((n) => n.label);
  const data = graph.data;
  const batches: Record<string, unknown>[] = [];
  if (data) {
    const batcher = createBatcher({ rows: data.dataset.train.rows, batch: data.batch, seed: data.batchSeed });
    const width = data.dataset.classes ?? 1;
    for (let k = 0; k < steps; k++) {
      const rows = batcher.at(k).rows;
      batches.push({
        [graph.nodes[data.x].label as string]: toNested({ shape: [rows.length, data.dataset.features], data: gatherRows(data.dataset.train.x, data.dataset.features, rows) }),
        [graph.nodes[data.y].label as string]: toNested({ shape: [rows.length, width], data: gatherRows(data.dataset.train.y, width, rows) }),
      });
    }
  }
  return { name: run.name, export: toPyTorch(graph), output: graph.nodes[graph.output].label, params, steps, settings, batches };
});
process.stdout.write(`${JSON.stringify(cases)}\n`);
