// Keeps the training run in step with the program: a program that compiles and
// can train gets a run (paused at iteration 0) when nothing would be lost by
// starting one; otherwise the panel offers to train the new program.
import { useEffect, useMemo } from 'react';
import { lessonOfText, useLessons } from '../../lessons/catalog';
import { useTraining, useTrainingStore, useVisualizer } from '../../store/context';
import { trainProblem, type TrainProblem } from './problems';

export interface TrainingSync {
  /** The text compiles and has its data: it could train. */
  readonly ready: boolean;
  /** Why it cannot train with these settings. */
  readonly problem: TrainProblem | null;
  /** The run trains an earlier text than the editor's. */
  readonly stale: boolean;
}

export function useTrainingSync(): TrainingSync {
  const text = useVisualizer((s) => s.text);
  const graph = useVisualizer((s) => s.compiled?.graph ?? null);
  const ready = useVisualizer((s) => s.compiled !== null && s.error === null && s.dataLoad === null);
  const runText = useTraining((s) => s.text);
  // Nothing is lost by starting over: no run yet, a run that failed, or one that never stepped.
  // (A boolean, so that the run's progress does not re-render the panel.)
  const fresh = useTraining((s) => s.text === null || s.status === 'error' || (s.iteration === 0 && s.status !== 'running' && s.status !== 'loading'));
  const settings = useTraining((s) => s.settings);
  const training = useTrainingStore();
  // A lesson's settings (its optimizer, rate, batch) come with the lessons: wait for them.
  const lessons = useLessons();
  const problem = useMemo(() => (ready && graph ? trainProblem(graph, settings) : null), [ready, graph, settings]);
  useEffect(() => {
    if (!ready || problem || runText === text || !fresh || !lessons) return;
    const lesson = lessonOfText(lessons, text)?.train;
    training.getState().start(text, lesson ? { ...lesson, batch: lesson.batch ?? null } : undefined);
  }, [ready, problem, runText, text, fresh, training, lessons]);
  return { ready, problem, stale: runText !== null && runText !== text };
}
