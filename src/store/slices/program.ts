// The program slice: the text as typed, the last graph that compiled, the error.
import { resolveStep, tryCompile } from '../compileText';
import type { ProgramActions, ProgramState, SliceActions } from '../types';

const UNDO_BURST_MS = 800;
const MAX_UNDO = 200;

export const programActions: SliceActions<ProgramActions> = (set, get) => {
  let lastEdit = 0;
  /** Sets the editor text; a program that compiles replaces the graph, a bad one only sets the error. */
  const applyText = (text: string, history: Pick<ProgramState, 'past' | 'future'>): void => {
    const { compiled, error } = tryCompile(text);
    if (compiled) {
      // A new graph: keep the student's place when it has that many steps; the
      // selection and the practice answers were about the old one.
      set({ text, compiled, error: null, step: resolveStep(compiled, get().step), selected: null, selectedEntry: null, answers: {}, ...history });
    } else {
      set({ text, error, ...history });
    }
  };
  return {
    setText: (text) => {
      const { text: before, past } = get();
      if (text === before) return;
      // Typing in one burst is one undo step; a pause, a lesson or a paste starts another.
      const now = Date.now();
      const burst = now - lastEdit < UNDO_BURST_MS && Math.abs(text.length - before.length) <= 1;
      lastEdit = now;
      const nextPast = burst && past.length > 0 ? past : [...past, before].slice(-MAX_UNDO);
      applyText(text, { past: nextPast, future: [] });
    },
    undo: () => {
      const { past, future, text } = get();
      if (past.length === 0) return;
      lastEdit = 0;
      applyText(past[past.length - 1], { past: past.slice(0, -1), future: [...future, text] });
    },
    redo: () => {
      const { past, future, text } = get();
      if (future.length === 0) return;
      lastEdit = 0;
      applyText(future[future.length - 1], { past: [...past, text], future: future.slice(0, -1) });
    },
  };
};
