// A command is one entry: its label, its keys, when it applies, when it is
// enabled, and what it does (excalidraw's actions). The key handler, the
// buttons, their tooltips and the embed bridge all read the same entry.
import type { MessageKey } from '../i18n';
import type { VisualizerState } from '../store/visualizer';

export interface Command<V = void> {
  readonly id: string;
  /** The label's catalogue key (a toggle's label may follow the state: Play / Pause). */
  readonly label: (s: VisualizerState) => MessageKey;
  /** `KeyboardEvent.key` values that run it; shown in its button's tooltip. */
  readonly keys: readonly string[];
  /** Whether the command exists in this state; when not, its keys pass through to the page. */
  readonly active?: (s: VisualizerState) => boolean;
  /** Whether it would do anything now: a button shows disabled when not. */
  readonly enabled?: (s: VisualizerState) => boolean;
  /** For a toggle: whether it is on (a button shows aria-pressed). */
  readonly pressed?: (s: VisualizerState) => boolean;
  /**
   * A key held down repeats it: the repeats are gathered and run together once
   * a frame (src/ui/keyRepeat.ts), so the drawing keeps moving, skipping steps,
   * instead of queueing one redraw per repeat.
   */
  readonly repeats?: boolean;
  /** Does it; `s` is the current state with its actions. */
  readonly perform: (s: VisualizerState, value: V) => void;
}
