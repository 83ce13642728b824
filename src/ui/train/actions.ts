// What the Train panel does across the two stores: open an iteration of the
// run in the stepper, and write the trained values back into the program.
import { allFinite, setParameterValues, type Graph, type Tensor } from '../../engine';
import type { TrainingStore } from '../../store/training';
import type { VisualizerStore } from '../../store/visualizer';

/** Parameters with more numbers than this in all are not written into the program text. */
export const MAX_WRITTEN_NUMBERS = 1000;

/**
 * Opens iteration k of the run in the stepper: the parameters before update k
 * and its mini-batch, from step 0; the Step tab shows it. False if it could not.
 */
export async function openIterationInStepper(visualizer: VisualizerStore, training: TrainingStore, k: number): Promise<boolean> {
  const run = training.getState();
  if (run.text !== visualizer.getState().text) return false;
  run.pause();
  try {
    const opened = await run.openIteration(k);
    const { settings } = training.getState();
    const ok = visualizer.getState().openIteration({
      iteration: opened.iteration,
      batch: settings.batch ?? undefined,
      batchSeed: settings.seed,
      values: opened.params,
      update: opened.update,
    });
    if (ok) visualizer.getState().setTab('step');
    return ok;
  } catch {
    return false;
  }
}

/** How many numbers the parameters hold. */
export function parameterCount(params: readonly { shape: readonly number[] }[]): number {
  return params.reduce((n, p) => n + p.shape.reduce((a, b) => a * b, 1), 0);
}

/** The program text with the run's current parameter values written in, or null when there is nothing to write. */
export async function trainedText(text: string, graph: Graph, training: TrainingStore): Promise<string | null> {
  const run = training.getState();
  if (run.text !== text || !run.info) return null;
  const { params } = await run.openIteration(run.iteration);
  if ([...params.values()].some((t: Tensor) => !allFinite(t.data))) return null;
  return setParameterValues(text, graph, params);
}
