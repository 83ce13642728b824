// Translation: t(locale, key, params). English is the source of the keys and
// is always here; the Chinese catalogue is registered by whoever has it: the
// page loads it as a script of its own (loadLocale.ts), Node code and the tests
// import it (zh-CN.ts, registered by register.ts).
import { en, type MessageKey } from './en';

export type Locale = 'en' | 'zh-CN';
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];
export type { MessageKey };

export type Catalogue = Readonly<Record<MessageKey, string>>;

/** The catalogues there are so far (English always). */
export const CATALOGUES: Record<Locale, Catalogue | null> = {
  en,
  'zh-CN': null,
};

export function registerCatalogue(locale: Locale, catalogue: Catalogue): void {
  CATALOGUES[locale] = catalogue;
}

/** Whether `locale`'s messages are here (else t() answers in English). */
export const hasCatalogue = (locale: Locale): boolean => CATALOGUES[locale] !== null;

export type Params = Readonly<Record<string, string | number>>;

/** The message for `key` in `locale`, with `{name}` replaced by params.name. */
export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = CATALOGUES[locale]?.[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The locale for a browser's language list: Chinese variants → zh-CN, anything else → en. */
export function detectLocale(languages: readonly string[]): Locale {
  for (const lang of languages) {
    const lower = lang.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
