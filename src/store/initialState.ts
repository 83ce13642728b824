// The values a new store starts with, slice by slice.
import { resolveStep, tryCompile } from './compileText';
import type {
  PlaybackState,
  PracticeState,
  PresentationState,
  ProgramState,
  SelectionState,
  ViewState,
  VisualizerData,
  VisualizerInit,
} from './types';

export function initialProgram(init: VisualizerInit): ProgramState {
  // An image set's program compiles once its images are loaded (the program slice loads them).
  return { text: init.text, ...tryCompile(init.text), compilePending: false, dataLoad: null, iterationView: null };
}

export function initialPlayback(init: VisualizerInit, program: ProgramState): PlaybackState {
  return { step: resolveStep(program.compiled, init.step ?? 0), playing: false, intervalMs: 900 };
}

export const initialPractice = (): PracticeState => ({ practice: false, answers: {} });

export const initialPresentation = (init: VisualizerInit): PresentationState => ({ mode: init.mode ?? 'normal', blank: false });

export const initialView = (init: VisualizerInit): ViewState => ({ locale: init.locale ?? 'en', theme: init.theme ?? 'light', tab: init.tab ?? 'step', fitRequests: 0 });

export const initialSelection = (): SelectionState => ({ selected: null, selectedEntry: null, collapsed: [] });

export function initialState(init: VisualizerInit): VisualizerData {
  const program = initialProgram(init);
  return {
    ...program,
    ...initialPlayback(init, program),
    ...initialPractice(),
    ...initialPresentation(init),
    ...initialView(init),
    ...initialSelection(),
  };
}
