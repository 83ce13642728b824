// One store per visualizer instance (created by VisualizerProvider). Holds
// what the user chose; everything drawn is derived from (compiled, step).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { compile, ProgramError, type Compiled } from '../engine';
import type { UrlLocale as Locale } from './url';
import { isQuizStep, type Answers, type FieldResult } from './practice';
import { serializeUrlState, type Mode, type StepRef } from './url';

export interface VisualizerState {
  /** The editor text, exactly as typed (kept even when it does not parse). */
  text: string;
  /** The last program that compiled: the graph on screen. */
  compiled: Compiled | null;
  /** Why `text` does not compile, if it does not. */
  error: ProgramError | null;
  step: number;
  playing: boolean;
  /** Milliseconds between steps while playing. */
  intervalMs: number;
  locale: Locale;
  mode: Mode;
  /** The node the user focused or hovered, for details. */
  selected: number | null;
  /**
   * One entry of a vector or matrix the user picked (a cell of a drawn value or gradient):
   * the node and the entry's row-major index. The step panel shows that entry's own chain rule.
   */
  selectedEntry: { node: number; element: number } | null;
  selectEntry: (entry: { node: number; element: number } | null) => void;
  theme: Theme;
  /** Groups (neurons, softmax blocks) drawn as one node each, by group id. */
  collapsed: readonly string[];
  setCollapsed: (ids: readonly string[]) => void;
  /** Practice mode: backward steps wait for the student's answer. */
  practice: boolean;
  /** Checked answers by step (cleared when the program changes). */
  answers: Answers;
  setPractice: (on: boolean) => void;
  submitAnswer: (step: number, results: FieldResult[]) => void;
  /** Presentation: the screen is blanked (the `b` key). */
  blank: boolean;

  setText: (text: string) => void;
  /** Earlier and undone texts of the editor (newest last). */
  past: readonly string[];
  future: readonly string[];
  undo: () => void;
  redo: () => void;
  goTo: (step: StepRef) => void;
  next: () => void;
  prev: () => void;
  first: () => void;
  last: () => void;
  setPlaying: (playing: boolean) => void;
  togglePlay: () => void;
  setIntervalMs: (ms: number) => void;
  setLocale: (locale: Locale) => void;
  setMode: (mode: Mode) => void;
  select: (node: number | null) => void;
  setTheme: (theme: Theme) => void;
  toggleBlank: () => void;
}

export type Theme = 'light' | 'dark';

export interface VisualizerInit {
  text: string;
  step?: StepRef;
  locale?: Locale;
  mode?: Mode;
  theme?: Theme;
}

export type VisualizerStore = StoreApi<VisualizerState>;

const UNDO_BURST_MS = 800;
const MAX_UNDO = 200;

function tryCompile(text: string): { compiled: Compiled | null; error: ProgramError | null } {
  try {
    return { compiled: compile(text), error: null };
  } catch (err) {
    if (err instanceof ProgramError) return { compiled: null, error: err };
    throw err;
  }
}

/** Resolves a step reference against a trace; numbers are clamped into range. */
export function resolveStep(compiled: Compiled | null, ref: StepRef): number {
  if (!compiled) return 0;
  const { trace } = compiled;
  if (ref === 'end') return trace.end;
  if (ref === 'forward') return trace.lastForward;
  return Math.max(0, Math.min(trace.end, Math.floor(ref)));
}

export function createVisualizerStore(init: VisualizerInit): VisualizerStore {
  const first = tryCompile(init.text);
  let lastEdit = 0;
  return createStore<VisualizerState>()((set, get) => {
  /** Sets the editor text; a program that compiles replaces the graph, a bad one only sets the error. */
  const applyText = (text: string, history: Pick<VisualizerState, 'past' | 'future'>): void => {
    const { compiled, error } = tryCompile(text);
    if (compiled) {
      // Keep the student's place when the new program has that many steps.
      set({ text, compiled, error: null, step: resolveStep(compiled, get().step), selected: null, selectedEntry: null, answers: {}, ...history });
    } else {
      set({ text, error, ...history });
    }
  };
  return {
    text: init.text,
    compiled: first.compiled,
    error: first.error,
    step: resolveStep(first.compiled, init.step ?? 0),
    playing: false,
    intervalMs: 900,
    locale: init.locale ?? 'en',
    mode: init.mode ?? 'normal',
    selected: null,
    selectedEntry: null,
    selectEntry: (selectedEntry) => set({ selectedEntry, selected: selectedEntry ? selectedEntry.node : get().selected }),
    theme: init.theme ?? 'light',
    practice: false,
    answers: {},
    collapsed: [],
    setCollapsed: (collapsed) => set({ collapsed }),
    setPractice: (practice) => set({ practice, playing: false }),
    submitAnswer: (step, results) => set({ answers: { ...get().answers, [step]: results } }),
    blank: false,

    past: [],
    future: [],
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
    goTo: (ref) => set({ step: resolveStep(get().compiled, ref) }),
    next: () => {
      const { step, compiled, practice, answers } = get();
      const end = compiled ? compiled.trace.end : 0;
      if (step >= end) set({ playing: false });
      // In practice mode a backward step is revealed only once it has been answered.
      else if (practice && isQuizStep(compiled, step + 1) && !answers[step + 1]) set({ playing: false });
      else set({ step: step + 1 });
    },
    prev: () => set({ step: Math.max(0, get().step - 1), playing: false }),
    first: () => set({ step: 0, playing: false }),
    last: () => {
      const { compiled, practice, answers, step } = get();
      if (!practice || !compiled) return set({ step: resolveStep(compiled, 'end'), playing: false });
      // Practice: jump only as far as the next unanswered backward step.
      let target = step;
      while (target < compiled.trace.end && !(isQuizStep(compiled, target + 1) && !answers[target + 1])) target++;
      set({ step: target, playing: false });
    },
    setPlaying: (playing) => {
      const { step, compiled } = get();
      // Play from the start again when at the end.
      if (playing && compiled && step >= compiled.trace.end) set({ step: 0 });
      // Unchanged, no update: every key step calls setPlaying(false) first, and each
      // update runs every subscriber of the store.
      if (get().playing !== playing) set({ playing });
    },
    togglePlay: () => get().setPlaying(!get().playing),
    setIntervalMs: (intervalMs) => set({ intervalMs: Math.max(50, Math.min(5000, intervalMs)) }),
    setLocale: (locale) => set({ locale }),
    setMode: (mode) => set({ mode }),
    select: (selected) => set({ selected }),
    setTheme: (theme) => set({ theme }),
    toggleBlank: () => set({ blank: !get().blank, playing: false }),
  };
  });
}

/** The query string that reopens what is on screen (CONTRACTS §3); `mode` overrides the current mode. */
export function queryFor(s: VisualizerState, mode: Mode = s.mode): string {
  return serializeUrlState({
    program: s.text,
    step: s.compiled && s.step === s.compiled.trace.end && s.step > 0 ? 'end' : s.step,
    lang: s.locale,
    mode: mode === 'normal' ? undefined : mode,
  });
}
