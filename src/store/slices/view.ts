// The view slice: the reader's language and colour theme.
import type { SliceActions, ViewActions } from '../types';

export const viewActions: SliceActions<ViewActions> = (set) => ({
  setLocale: (locale) => set({ locale }),
  setTheme: (theme) => set({ theme }),
  setTab: (tab) => set({ tab }),
});
