import { useCallback } from 'react';
import { t, type MessageKey, type Params } from '../i18n';
import { useVisualizer } from '../store/context';

/** The translation function for the visualizer's current locale. */
export function useT(): (key: MessageKey, params?: Params) => string {
  const locale = useVisualizer((s) => s.locale);
  return useCallback((key: MessageKey, params?: Params) => t(locale, key, params), [locale]);
}
