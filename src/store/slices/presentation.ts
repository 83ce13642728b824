// The presentation slice: normal, present or embed mode, and the presenter's blank screen.
import type { PresentationActions, SliceActions } from '../types';

export const presentationActions: SliceActions<PresentationActions> = (set, get) => ({
  setMode: (mode) => set({ mode }),
  // Blanking the screen also stops playback: nothing moves behind it.
  toggleBlank: () => set({ blank: !get().blank, playing: false }),
});
