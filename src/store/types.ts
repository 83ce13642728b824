// The visualizer store's shape, one concern per interface: what each slice
// holds (state) apart from what it can do (actions). The slices' actions live
// in slices/, the starting values in initialState.ts.
import type { StoreApi } from 'zustand/vanilla';
import type { Compiled, ProgramError, Tensor } from '../engine';
import type { ImageAsset } from '../engine/data/imageAsset';
import type { ImageSetName } from '../engine/data/registry';
import type { UpdateRecord } from '../engine/optim';
import type { Answers, FieldResult } from './practice';
import type { Mode, StepRef, UrlLocale } from './url';

export type Locale = UrlLocale;
export type Theme = 'light' | 'dark';

/** The program: the text as typed and the last graph that compiled. */
export interface ProgramState {
  /** The editor text, exactly as typed (kept even when it does not parse). */
  text: string;
  /** The last program that compiled: the graph on screen. */
  compiled: Compiled | null;
  /** Why `text` does not compile, if it does not. */
  error: ProgramError | null;
  /** Typed text waits for a pause before it is compiled (a long program): `compiled` and `error` are of an older text. */
  compilePending: boolean;
  /**
   * An image set the text names that is being loaded (the graph waits for it), or
   * that did not load (then `error` says so, with the data line's position).
   */
  dataLoad: { name: string; status: 'loading' | 'failed' } | null;
  /** Set while the stepper shows one training iteration instead of the program's own values. */
  iterationView: IterationView | null;
}

/** What the stepper needs to show iteration k of a training run. */
export interface IterationRequest {
  readonly iteration: number;
  /** The run's batch size and batch-order seed (undefined: the data line's). */
  readonly batch?: number;
  readonly batchSeed?: number;
  /** The parameters just before update k, by node id. */
  readonly values: ReadonlyMap<string, Tensor>;
  /** The update k makes to the watched entry (shown once the backward pass ends). */
  readonly update: UpdateRecord | null;
}

/** The training iteration on screen in the stepper. */
export interface IterationView {
  readonly iteration: number;
  /** For a program with a data line: its epoch, its batch within the epoch (0-based) and the batch's rows. */
  readonly epoch: number | null;
  readonly batchIndex: number | null;
  readonly rows: number | null;
  readonly update: UpdateRecord | null;
}

export interface ProgramActions {
  /**
   * A new program from outside the editor (a lesson, the network builder, a
   * link, an iframe): compiled at once. A program that compiles replaces the
   * graph (keeping the step where it can); a bad one only sets the error.
   */
  setText: (text: string) => void;
  /** The student typed: the text now; compiled at once when short, else after a pause in typing. */
  editText: (text: string) => void;
  /** Compiles typed text that is waiting for a pause, now (the editor lost focus). */
  commitText: () => void;
  /**
   * Loads the image set the text names (again, after a failed load), or the
   * Python reader, and compiles once it is there; `step` is where to go then (a link's step).
   */
  retryData: (step?: StepRef) => void;
  /**
   * Shows training iteration k in the stepper: the same text compiled with that
   * iteration's mini-batch and parameters, from step 0; the text is untouched.
   * Returns false (and changes nothing) when it does not compile.
   */
  openIteration: (request: IterationRequest) => boolean;
  /** Back to the program's own values. */
  closeIteration: () => void;
  /** Replaces the update shown after the open iteration (another entry was chosen). */
  setIterationUpdate: (update: UpdateRecord | null) => void;
}

/** Where the student is in the trace, and the automatic stepping. */
export interface PlaybackState {
  step: number;
  playing: boolean;
  /** Milliseconds between steps while playing. */
  intervalMs: number;
}
export interface PlaybackActions {
  goTo: (step: StepRef) => void;
  next: () => void;
  prev: () => void;
  first: () => void;
  last: () => void;
  setPlaying: (playing: boolean) => void;
  togglePlay: () => void;
  setIntervalMs: (ms: number) => void;
}

/** Practice mode: backward steps wait for the student's answer. */
export interface PracticeState {
  practice: boolean;
  /** Checked answers by step (cleared when the program changes). */
  answers: Answers;
}
export interface PracticeActions {
  setPractice: (on: boolean) => void;
  submitAnswer: (step: number, results: FieldResult[]) => void;
}

/** How the page is shown: normal, presentation or embedded; the blank screen of a presenter. */
export interface PresentationState {
  mode: Mode;
  /** Presentation: the screen is blanked (the `b` key). */
  blank: boolean;
}
export interface PresentationActions {
  setMode: (mode: Mode) => void;
  toggleBlank: () => void;
}

/** The tabs of the column beside the graph (src/ui/RightPanel.tsx draws one entry each). */
export const PANEL_TABS = ['step', 'neurons', 'train', 'check', 'forward', 'jacobian'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

/** The reader's preferences: language and colours; the tab open beside the graph; asks of the graph's view. */
export interface ViewState {
  locale: Locale;
  theme: Theme;
  tab: PanelTab;
  /** Counts the requests to show the whole graph (the F key, the ⤢ button): the graph view fits on each new one. */
  fitRequests: number;
}
export interface ViewActions {
  setLocale: (locale: Locale) => void;
  setTheme: (theme: Theme) => void;
  setTab: (tab: PanelTab) => void;
  requestFit: () => void;
}

/** What the reader picked out in the graph. */
export interface SelectionState {
  /** The node the user focused or hovered, for details. */
  selected: number | null;
  /**
   * One entry of a vector or matrix the user picked (a cell of a drawn value or gradient):
   * the node and the entry's row-major index. The step panel shows that entry's own chain rule.
   */
  selectedEntry: { node: number; element: number } | null;
  /** Groups (neurons, softmax blocks) drawn as one node each, by group id. */
  collapsed: readonly string[];
}
export interface SelectionActions {
  select: (node: number | null) => void;
  /** Picks one entry of a vector or matrix (and selects its node), or clears the pick. */
  selectEntry: (entry: { node: number; element: number } | null) => void;
  setCollapsed: (ids: readonly string[]) => void;
}

/** Every slice's state: the data a store holds, without its actions. */
export type VisualizerData = ProgramState & PlaybackState & PracticeState & PresentationState & ViewState & SelectionState;
export type VisualizerActions = ProgramActions &
  PlaybackActions &
  PracticeActions &
  PresentationActions &
  ViewActions &
  SelectionActions;
/** The one combined store type. */
export type VisualizerState = VisualizerData & VisualizerActions;
export type VisualizerStore = StoreApi<VisualizerState>;

/** What a page gives a new store. */
export interface VisualizerInit {
  text: string;
  step?: StepRef;
  locale?: Locale;
  mode?: Mode;
  theme?: Theme;
  tab?: PanelTab;
  /** Loads an image set's asset (default: the page's loader, decoding in slices; tests pass Node's). */
  loadAsset?: (name: ImageSetName) => Promise<ImageAsset>;
  /** Makes a language's messages available (default: none needed; the page loads Chinese as a script). */
  loadLocale?: (locale: Locale) => Promise<void>;
  /** Registers the Python reader (the page loads it as a script; Node registers it at start, so there is no default). */
  loadPython?: () => Promise<void>;
}

/** The store's setter and getter as a slice's actions see them: the whole state, so one action may reset others. */
export type SetState = StoreApi<VisualizerState>['setState'];
export type GetState = () => VisualizerState;
export type SliceActions<A> = (set: SetState, get: GetState) => A;
