// The URL schema of CONTRACTS §3, as one table that drives both parsing and
// serializing. Pure functions: the page (main.tsx) reads window.location.

export type Mode = 'normal' | 'present' | 'embed';
export type UrlLocale = 'en' | 'zh-CN';
/** A step as written in a URL: a number, or the last forward / last backward step. */
export type StepRef = number | 'end' | 'forward';

export interface UrlState {
  program?: string;
  /** A lesson id (extension of §3): opens that lesson's program when `program` is absent. */
  lesson?: string;
  step?: StepRef;
  lang?: UrlLocale;
  mode?: Mode;
  origin?: string;
}

/** Something the URL said that was ignored, with the key and the raw value. */
export interface UrlProblem {
  key: string;
  value: string;
  reason: 'badValue' | 'badEncoding' | 'tooLong';
}

interface Field<K extends keyof UrlState> {
  key: K;
  parse: (raw: string) => UrlState[K] | undefined;
  serialize: (value: NonNullable<UrlState[K]>) => string;
}

/** Longest program accepted from a URL, in characters. */
export const MAX_URL_PROGRAM = 100_000;

const FIELDS: { [K in keyof UrlState]-?: Field<K> } = {
  program: {
    key: 'program',
    parse: (raw) => (raw.length <= MAX_URL_PROGRAM ? raw : undefined),
    serialize: (v) => v,
  },
  lesson: {
    key: 'lesson',
    parse: (raw) => (/^[a-z0-9-]{1,40}$/.test(raw) ? raw : undefined),
    serialize: (v) => v,
  },
  step: {
    key: 'step',
    parse: (raw) => {
      if (raw === 'end' || raw === 'forward') return raw;
      if (!/^\d{1,9}$/.test(raw)) return undefined;
      return Number(raw);
    },
    serialize: (v) => String(v),
  },
  lang: {
    key: 'lang',
    parse: (raw) => (raw === 'en' || raw === 'zh-CN' ? raw : raw.toLowerCase() === 'zh-cn' ? 'zh-CN' : undefined),
    serialize: (v) => v,
  },
  mode: {
    key: 'mode',
    parse: (raw) => (raw === 'present' || raw === 'embed' ? raw : undefined),
    serialize: (v) => v,
  },
  origin: {
    key: 'origin',
    parse: (raw) => (/^https?:\/\/[^\s/]+$/.test(raw) || raw === 'null' ? raw : undefined),
    serialize: (v) => v,
  },
};

const ORDER: (keyof UrlState)[] = ['program', 'lesson', 'step', 'lang', 'mode', 'origin'];

/** Decodes one query component; null when the percent-encoding is malformed. */
function decode(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * Reads the query string. Unknown keys are ignored silently; a known key with
 * a bad value is dropped and reported, never thrown.
 */
export function parseUrlState(search: string): { state: UrlState; problems: UrlProblem[] } {
  const state: UrlState = {};
  const problems: UrlProblem[] = [];
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query === '') return { state, problems };
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    const key = decode(rawKey);
    if (key === null || !(ORDER as string[]).includes(key)) continue;
    const value = decode(rawValue);
    const shown = rawValue.length > 80 ? `${rawValue.slice(0, 77)}…` : rawValue;
    if (value === null) {
      problems.push({ key, value: shown, reason: 'badEncoding' });
      continue;
    }
    const k = key as keyof UrlState;
    const parsed = FIELDS[k].parse(value);
    if (parsed === undefined) {
      problems.push({ key, value: shown, reason: k === 'program' ? 'tooLong' : 'badValue' });
      continue;
    }
    (state as Record<string, unknown>)[k] = parsed;
  }
  return { state, problems };
}

/** Writes the query string (with leading `?`, or '' when empty), keys in a fixed order. */
export function serializeUrlState(state: UrlState): string {
  const parts: string[] = [];
  for (const k of ORDER) {
    const value = state[k];
    if (value === undefined) continue;
    const field = FIELDS[k] as Field<typeof k>;
    parts.push(`${k}=${encodeURIComponent(field.serialize(value as never))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
