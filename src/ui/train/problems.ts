// What stops a program from training with these settings, as a catalogue key
// and its parameters (said in the student's language), checked in the page
// before anything is sent to the trainer.
import { parameterNodes, type Graph } from '../../engine';
import { batchProblem, nonFiniteProblem } from '../../engine/data';
import { optimizerProblem } from '../../engine/optim/optimizer';
import type { MessageKey, Params } from '../../i18n';
import type { TrainSettingsDraft } from '../../store/training';

export interface TrainProblem {
  readonly key: MessageKey;
  readonly params: Params;
}

export function trainProblem(graph: Graph, settings: TrainSettingsDraft): TrainProblem | null {
  const params = parameterNodes(graph);
  if (params.length === 0) return { key: 'train.noParams', params: {} };
  const options: Record<string, number> = { lr: settings.lr };
  if (settings.optimizer === 'momentum') options.momentum = settings.momentum;
  const optim = optimizerProblem(settings.optimizer, options);
  if (optim) return { key: optim.key, params: optim.params };
  if (settings.batch !== null) {
    if (!graph.data) return { key: 'train.batchNoData', params: {} };
    const batch = batchProblem(graph.data.dataset.train.rows, settings.batch);
    if (batch) return { key: batch.key, params: batch.params };
  }
  // A value that is not a number already: training could only spread it.
  for (const node of graph.nodes) {
    if (node.op !== 'input' || (graph.data && (node.index === graph.data.x || node.index === graph.data.y))) continue;
    const width = node.shape.length === 2 ? node.shape[1] : Math.max(1, node.tensor.data.length);
    const bad = nonFiniteProblem(node.tensor.data, width);
    if (bad) {
      return {
        key: node.role === 'param' ? 'train.paramNonFinite' : 'train.dataNonFinite',
        params: { name: node.label ?? node.id, line: node.pos.line, value: String(bad.params.value), row: bad.params.row, col: bad.params.col },
      };
    }
  }
  return null;
}
