// The view slice: the reader's language and colour theme, the open tab, and the asks to fit the graph.
import { hasCatalogue, type Locale } from '../../i18n';
import type { SliceActions, ViewActions } from '../types';

/**
 * `loadLocale` makes a language's messages available first (the page's Chinese
 * catalogue is a script of its own); the language changes once they are, or in
 * any case when they do not load (the texts are then in English).
 */
export const viewActions =
  (loadLocale?: (locale: Locale) => Promise<void>): SliceActions<ViewActions> =>
  (set) => {
    let wanted: Locale | null = null;
    return {
      setLocale: (locale) => {
        wanted = locale;
        if (!loadLocale || hasCatalogue(locale)) return set({ locale });
        const apply = () => {
          if (wanted === locale) set({ locale });
        };
        loadLocale(locale).then(apply, apply);
      },
      setTheme: (theme) => set({ theme }),
      setTab: (tab) => set({ tab }),
      requestFit: () => set((s) => ({ fitRequests: s.fitRequests + 1 })),
    };
  };
