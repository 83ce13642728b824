// One store per visualizer instance (created by VisualizerProvider). Holds
// what the user chose; everything drawn is derived from (compiled, step).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { compile, ProgramError, type Compiled } from '../engine';
import type { UrlLocale as Locale } from './url';
import type { Mode, StepRef } from './url';

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
  theme: Theme;
  /** Presentation: the screen is blanked (the `b` key). */
  blank: boolean;

  setText: (text: string) => void;
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
  return createStore<VisualizerState>()((set, get) => ({
    text: init.text,
    compiled: first.compiled,
    error: first.error,
    step: resolveStep(first.compiled, init.step ?? 0),
    playing: false,
    intervalMs: 900,
    locale: init.locale ?? 'en',
    mode: init.mode ?? 'normal',
    selected: null,
    theme: init.theme ?? 'light',
    blank: false,

    setText: (text) => {
      const { compiled, error } = tryCompile(text);
      if (compiled) {
        // Keep the student's place when the new program has that many steps.
        set({ text, compiled, error: null, step: resolveStep(compiled, get().step), selected: null });
      } else {
        set({ text, error });
      }
    },
    goTo: (ref) => set({ step: resolveStep(get().compiled, ref) }),
    next: () => {
      const { step, compiled } = get();
      const end = compiled ? compiled.trace.end : 0;
      if (step >= end) set({ playing: false });
      else set({ step: step + 1 });
    },
    prev: () => set({ step: Math.max(0, get().step - 1), playing: false }),
    first: () => set({ step: 0, playing: false }),
    last: () => set({ step: resolveStep(get().compiled, 'end'), playing: false }),
    setPlaying: (playing) => {
      const { step, compiled } = get();
      // Play from the start again when at the end.
      if (playing && compiled && step >= compiled.trace.end) set({ step: 0 });
      set({ playing });
    },
    togglePlay: () => get().setPlaying(!get().playing),
    setIntervalMs: (intervalMs) => set({ intervalMs: Math.max(50, Math.min(5000, intervalMs)) }),
    setLocale: (locale) => set({ locale }),
    setMode: (mode) => set({ mode }),
    select: (selected) => set({ selected }),
    setTheme: (theme) => set({ theme }),
    toggleBlank: () => set({ blank: !get().blank, playing: false }),
  }));
}
