// The program slice: the text as typed, the last graph that compiled, the error;
// the image sets a program names, loaded on first use; and the stepper's view of
// one training iteration (the same text with that iteration's batch and parameters).
import type { Compiled } from '../../engine';
import { ProgramError } from '../../engine';
import type { ImageAsset } from '../../engine/data/imageAsset';
import type { ImageSetName } from '../../engine/data/registry';
import { resolveStep, tryCompile } from '../compileText';
import type { ProgramActions, ProgramState, SliceActions } from '../types';
import type { StepRef } from '../url';

const UNDO_BURST_MS = 800;
const MAX_UNDO = 200;

type History = Pick<ProgramState, 'past' | 'future'>;

export const programActions =
  (loadAsset: (name: ImageSetName) => Promise<ImageAsset>): SliceActions<ProgramActions> =>
  (set, get) => {
    let lastEdit = 0;
    /** Image sets loaded so far, by name (decoded once, shared by every compile). */
    const assets = new Map<string, ImageAsset>();
    const loading = new Set<string>();
    /** A step asked for before the graph could be made (a link to `step=end` of an image-set program). */
    let wantedStep: StepRef | null = null;

    const history = (): History => ({ past: get().past, future: get().future });

    /** A new graph: keep the student's place when it has that many steps; the selection and the practice answers were about the old one. */
    const showGraph = (compiled: Compiled, extra: Partial<ProgramState> = {}) => {
      const step = resolveStep(compiled, wantedStep ?? get().step);
      wantedStep = null;
      set({ compiled, error: null, step, selected: null, selectedEntry: null, answers: {}, dataLoad: null, iterationView: null, ...extra });
    };

    /** Sets the editor text; a program that compiles replaces the graph, a bad one only sets the error. */
    const applyText = (text: string, past: History): void => {
      const { compiled, error } = tryCompile(text, { assets });
      if (compiled) showGraph(compiled, { text, ...past });
      else if (error?.code === 'dataNotLoaded') {
        // The graph waits for the images; nothing is wrong with the text so far.
        const name = String(error.params.name);
        set({ text, error: null, dataLoad: { name, status: 'loading' }, ...past });
        load(name, error);
      } else set({ text, error, dataLoad: null, ...past });
    };

    const load = (name: string, at: ProgramError) => {
      if (loading.has(name)) return;
      loading.add(name);
      loadAsset(name as ImageSetName).then(
        (asset) => {
          loading.delete(name);
          assets.set(name, asset);
          if (get().dataLoad?.name === name) applyText(get().text, history());
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
      retryData: (step) => {
        const s = get();
        if (s.error?.code !== 'dataNotLoaded' && s.dataLoad?.status !== 'failed') return;
        if (step !== undefined) wantedStep = step;
        applyText(s.text, history());
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
