// How keys are written in tooltips, and where keys do not belong to the commands.

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ' ': 'Space',
  Escape: 'Esc',
};

export function keyName(key: string): string {
  return KEY_NAMES[key] ?? key;
}

/** The keys as a tooltip shows them, each once (`b` and `B` are one key): "→ / PageDown / j". */
export function shortcutText(keys: readonly string[]): string {
  const names = keys.map(keyName);
  return names.filter((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i).join(' / ');
}

/** A label with its shortcut: "Next step (→ / PageDown / j)". */
export function withShortcut(label: string, keys: readonly string[]): string {
  return keys.length === 0 ? label : `${label} (${shortcutText(keys)})`;
}

/** Typing goes to text fields (the program editor, inputs, selects), never to the commands. */
export function isTextField(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['TEXTAREA', 'INPUT', 'SELECT'].includes(target.tagName)) return true;
  // CodeMirror's content is contenteditable; any element inside it counts too.
  return target.closest('[contenteditable="true"], .cm-editor') !== null;
}
