// The playback slice: the current step and the automatic stepping. Practice
// mode holds the student at each backward step until it is answered.
import { resolveStep } from '../compileText';
import { isQuizStep } from '../practice';
import type { PlaybackActions, SliceActions, VisualizerState } from '../types';

/** Whether the step after `step` waits for an answer first. */
function waitsForAnswer(s: VisualizerState, step: number): boolean {
  return s.practice && isQuizStep(s.compiled, step) && !s.answers[step];
}

export const playbackActions: SliceActions<PlaybackActions> = (set, get) => ({
  goTo: (ref) => set({ step: resolveStep(get().compiled, ref) }),
  next: () => {
    const s = get();
    const end = s.compiled ? s.compiled.trace.end : 0;
    if (s.step >= end) set({ playing: false });
    // In practice mode a backward step is revealed only once it has been answered.
    else if (waitsForAnswer(s, s.step + 1)) set({ playing: false });
    else set({ step: s.step + 1 });
  },
  prev: () => set({ step: Math.max(0, get().step - 1), playing: false }),
  first: () => set({ step: 0, playing: false }),
  last: () => {
    const s = get();
    const { compiled } = s;
    if (!s.practice || !compiled) return set({ step: resolveStep(compiled, 'end'), playing: false });
    // Practice: jump only as far as the next unanswered backward step.
    let target = s.step;
    while (target < compiled.trace.end && !waitsForAnswer(s, target + 1)) target++;
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
});
