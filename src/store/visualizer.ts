// One store per visualizer instance (created by VisualizerProvider). Holds
// what the user chose; everything drawn is derived from (compiled, step).
// Each concern is a slice (slices/): its state type and actions in types.ts,
// its starting values in initialState.ts.
import { createStore } from 'zustand/vanilla';
import { loadDecodedAsset } from '../data/loadDecoded';
import { initialState } from './initialState';
import { playbackActions } from './slices/playback';
import { practiceActions } from './slices/practice';
import { presentationActions } from './slices/presentation';
import { programActions } from './slices/program';
import { selectionActions } from './slices/selection';
import { viewActions } from './slices/view';
import type { VisualizerInit, VisualizerState, VisualizerStore } from './types';
import { serializeUrlState, type Mode } from './url';

export { resolveStep } from './compileText';
export type { IterationRequest, IterationView, PanelTab, Theme, VisualizerInit, VisualizerState, VisualizerStore } from './types';


export function createVisualizerStore(init: VisualizerInit): VisualizerStore {
  const store = createStore<VisualizerState>()((set, get) => ({
    ...initialState(init),
    ...programActions(init.loadAsset ?? loadDecodedAsset, init.loadPython)(set, get),
    ...playbackActions(set, get),
    ...practiceActions(set, get),
    ...presentationActions(set, get),
    ...viewActions(init.loadLocale)(set, get),
    ...selectionActions(set, get),
  }));
  // A program that names an image set is drawn once its images have loaded, a Python one once its reader has.
  const code = store.getState().error?.code;
  if (code === 'dataNotLoaded' || code === 'readerNotLoaded') store.getState().retryData(init.step);
  return store;
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
