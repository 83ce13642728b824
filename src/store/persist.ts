// The program being edited survives a reload: it is saved locally. A link
// that opens another program never throws the saved one away silently: the
// saved text is kept until the user edits, and the page offers it back.

export const STORAGE_KEY = 'chainstep.program.v1';
/** Saved before a link replaced it, so it can be restored. */
export const REPLACED_KEY = 'chainstep.replaced.v1';

export interface TextStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface StartText {
  text: string;
  /** The user's saved program that a link replaced, offered back in the UI. */
  replaced: string | null;
}

/**
 * Which program to open: the link's, else the saved one, else the default.
 * When the link's program differs from the saved one, the saved one is kept
 * aside under REPLACED_KEY.
 */
export function chooseStartText(linkProgram: string | undefined, storage: TextStorage | null, fallback: string): StartText {
  const saved = safeGet(storage, STORAGE_KEY);
  if (linkProgram === undefined) return { text: saved ?? fallback, replaced: null };
  if (saved !== null && saved.trim() !== '' && saved !== linkProgram) {
    safeSet(storage, REPLACED_KEY, saved);
    return { text: linkProgram, replaced: saved };
  }
  return { text: linkProgram, replaced: null };
}

export function saveText(storage: TextStorage | null, text: string): void {
  safeSet(storage, STORAGE_KEY, text);
}

function safeGet(storage: TextStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null; // storage disabled (privacy mode, sandboxed iframe)
  }
}

function safeSet(storage: TextStorage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Full or disabled storage: the page keeps working without saving.
  }
}
