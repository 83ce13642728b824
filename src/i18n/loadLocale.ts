// The page's way to a catalogue: English is in the first script; Chinese is a
// script of its own, loaded before the page starts in Chinese or when the
// reader switches to it.
import { scriptLoader } from '../ui/scriptLoader';
import { hasCatalogue, registerCatalogue, type Catalogue, type Locale } from './index';
import zhUrl from './zhScript.ts?worker&url';

const zhScript = scriptLoader<Catalogue>(zhUrl, () => (globalThis as { chainstepZhCN?: Catalogue }).chainstepZhCN ?? null, 'The Chinese texts');

/** Resolves once `locale`'s messages are here; rejects when they do not load (t() then answers in English). */
export async function loadLocale(locale: Locale): Promise<void> {
  if (hasCatalogue(locale)) return;
  registerCatalogue(locale, await zhScript.load());
}
