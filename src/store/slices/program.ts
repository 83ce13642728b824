// The program slice: the text as typed, the last graph that compiled, the error;
// the image sets a program names, loaded on first use; and the stepper's view of
// one training iteration (the same text with that iteration's batch and parameters).
// The Python reader, too, is loaded on first use: until then a Python text
// waits (compilePending) with the last graph kept.
// A long program is compiled only once typing pauses: every compile of a
// 1,000-node program traces it and asks for a new layout, which no keystroke
// can afford. The text itself is always current (it is saved and shown).
import type { Compiled } from '../../engine';
import { ProgramError } from '../../engine';
import type { ImageAsset } from '../../engine/data/imageAsset';
import type { ImageSetName } from '../../engine/data/registry';
import { resolveStep, tryCompile } from '../compileText';
import type { ProgramActions, ProgramState, SliceActions } from '../types';
import type { StepRef } from '../url';

/** Programs up to this many characters compile on every key (a lesson is a few hundred). */
export const COMPILE_NOW_CHARS = 600;
/** Longer ones compile this long after the last key. */
export const COMPILE_PAUSE_MS = 250;

export const programActions =
  (loadAsset: (name: ImageSetName) => Promise<ImageAsset>, loadPython?: () => Promise<void>): SliceActions<ProgramActions> =>
  (set, get) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancelPending = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };
    /** Image sets loaded so far, by name (decoded once, shared by every compile). */
    const assets = new Map<string, ImageAsset>();
    const loading = new Set<string>();
    /** A step asked for before the graph could be made (a link to `step=end` of an image-set program). */
    let wantedStep: StepRef | null = null;
    let readerLoading = false;

    /** A new graph: keep the student's place when it has that many steps; the selection and the practice answers were about the old one. */
    const showGraph = (compiled: Compiled, extra: Partial<ProgramState> = {}) => {
      const step = resolveStep(compiled, wantedStep ?? get().step);
      wantedStep = null;
      set({ compiled, error: null, step, selected: null, selectedEntry: null, answers: {}, dataLoad: null, iterationView: null, ...extra });
    };

    /** Sets the text; a program that compiles replaces the graph, a bad one only sets the error. */
    const compileNow = (text: string): void => {
      cancelPending();
      const { compiled, error } = tryCompile(text, { assets });
      if (compiled) showGraph(compiled, { text, compilePending: false });
      else if (error?.code === 'dataNotLoaded') {
        // The graph waits for the images; nothing is wrong with the text so far.
        const name = String(error.params.name);
        set({ text, error: null, compilePending: false, dataLoad: { name, status: 'loading' } });
        load(name, error);
      } else if (error?.code === 'readerNotLoaded' && loadPython) {
        set({ text, error: null, compilePending: true, dataLoad: null });
        loadReader(loadPython);
      } else set({ text, error, compilePending: false, dataLoad: null });
    };

    const loadReader = (register: () => Promise<void>) => {
      if (readerLoading) return;
      readerLoading = true;
      register().then(
        () => {
          readerLoading = false;
          if (get().compilePending) compileNow(get().text);
        },
        () => {
          readerLoading = false;
          const error = new ProgramError('readerLoadFailed', { line: 1, col: 1 }, 'the Python reader did not load; reload the page to try again (your program is kept)', {});
          set({ error, compilePending: false });
        },
      );
    };

    const load = (name: string, at: ProgramError) => {
      if (loading.has(name)) return;
      loading.add(name);
      loadAsset(name as ImageSetName).then(
        (asset) => {
          loading.delete(name);
          assets.set(name, asset);
          if (get().dataLoad?.name === name) compileNow(get().text);
        },
        () => {
          loading.delete(name);
          if (get().dataLoad?.name !== name) return;
          const error = new ProgramError(
            'dataLoadFailed',
            { line: at.line, col: at.col },
            `the data set '${name}' did not load; check the connection and try again (your program is kept)`,
            { name },
          );
          set({ dataLoad: { name, status: 'failed' }, error });
        },
      );
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
      retryData: (step) => {
        const s = get();
        if (s.error?.code !== 'dataNotLoaded' && s.error?.code !== 'readerNotLoaded' && s.dataLoad?.status !== 'failed') return;
        if (step !== undefined) wantedStep = step;
        compileNow(s.text);
      },
      openIteration: ({ iteration, batch, batchSeed, values, update }) => {
        const { compiled } = tryCompile(get().text, { assets, iteration, batch, batchSeed, values });
        if (!compiled) return false;
        const data = compiled.graph.data;
        const view = {
          iteration,
          epoch: data ? data.epoch : null,
          batchIndex: data ? iteration - data.epoch * data.perEpoch : null,
          rows: data ? data.rows.length : null,
          update,
        };
        // Same text, same nodes: the selection still means the same node.
        set({ compiled, error: null, step: 0, playing: false, answers: {}, iterationView: view });
        return true;
      },
      setIterationUpdate: (update) => {
        const view = get().iterationView;
        if (view) set({ iterationView: { ...view, update } });
      },
      closeIteration: () => {
        if (!get().iterationView) return;
        const { compiled } = tryCompile(get().text, { assets });
        if (compiled) set({ compiled, step: resolveStep(compiled, get().step), iterationView: null });
        else set({ iterationView: null });
      },
    };
  };
