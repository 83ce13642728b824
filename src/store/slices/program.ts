// The program slice: the text as typed, the last graph that compiled, the error.
// A long program is compiled only once typing pauses: every compile of a
// 1,000-node program traces it and asks for a new layout, which no keystroke
// can afford. The text itself is always current (it is saved and shown).
import { resolveStep, tryCompile } from '../compileText';
import type { ProgramActions, SliceActions } from '../types';

/** Programs up to this many characters compile on every key (a lesson is a few hundred). */
export const COMPILE_NOW_CHARS = 600;
/** Longer ones compile this long after the last key. */
export const COMPILE_PAUSE_MS = 250;

export const programActions: SliceActions<ProgramActions> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancelPending = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  /** A program that compiles replaces the graph, a bad one only sets the error. */
  const compileNow = (text: string): void => {
    cancelPending();
    const { compiled, error } = tryCompile(text);
    if (compiled) {
      // A new graph: keep the student's place when it has that many steps; the
      // selection and the practice answers were about the old one.
      set({ text, compiled, error: null, compilePending: false, step: resolveStep(compiled, get().step), selected: null, selectedEntry: null, answers: {} });
    } else {
      set({ text, error, compilePending: false });
    }
  };
  return {
    setText: (text) => {
      if (text === get().text && !get().compilePending) return;
      compileNow(text);
    },
    editText: (text) => {
      if (text === get().text) return;
      if (text.length <= COMPILE_NOW_CHARS) return compileNow(text);
      cancelPending();
      set({ text, compilePending: true });
      timer = setTimeout(() => compileNow(get().text), COMPILE_PAUSE_MS);
    },
    commitText: () => {
      if (get().compilePending) compileNow(get().text);
    },
  };
};
