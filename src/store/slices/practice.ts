// The practice slice: whether backward steps wait for answers, and the answers given.
import type { PracticeActions, SliceActions } from '../types';

export const practiceActions: SliceActions<PracticeActions> = (set, get) => ({
  setPractice: (practice) => set({ practice, playing: false }),
  submitAnswer: (step, results) => set({ answers: { ...get().answers, [step]: results } }),
});
