// Every e2e test fails if the page logs a console error or throws.
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`${msg.type()}: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await use(errors);
      expect(errors, 'console errors or page errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** The app URL for a program and optional other keys (CONTRACTS §3). */
export function appUrl(program: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ program, ...extra });
  return `./?${params.toString()}`;
}

export const node = (page: Page, label: string) => page.locator(`[data-label="${label}"]`);

export async function stepCounter(page: Page): Promise<number> {
  const text = (await page.getByTestId('step-counter').textContent()) ?? '';
  return Number(/\d+/.exec(text)?.[0] ?? NaN);
}

/** Presses a key on the page body (not in the editor) n times. */
export async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

export const CIRCUIT = 'x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z';
export const BRANCHED = 'x = 3\na = x * 2\nb = x + 1\nf = a * b';

/** The program editor: CodeMirror's content, once it has loaded (a plain text field stands in until then). */
export async function programEditor(page: Page): Promise<Locator> {
  const content = page.locator('.editor-host .cm-content[role="textbox"]');
  await content.waitFor();
  return content;
}

/** The editor's whole text (CodeMirror draws only the lines in view; its script tells the rest). */
export async function editorText(page: Page): Promise<string> {
  await programEditor(page);
  return page.evaluate(() => {
    const module = (globalThis as { chainstepEditor?: { textOf: (el: Element) => string | null } }).chainstepEditor;
    const host = document.querySelector('.editor-host');
    return host && module ? (module.textOf(host) ?? '') : '';
  });
}

export async function expectEditorText(page: Page, expected: string | RegExp): Promise<void> {
  const poll = expect.poll(() => editorText(page));
  if (typeof expected === 'string') await poll.toBe(expected);
  else await poll.toMatch(expected);
}

/** Replaces the whole program as a student would: select all in the editor, then type (inserted in one go). */
export async function replaceProgram(page: Page, text: string): Promise<void> {
  const editor = await programEditor(page);
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
}

/** Pastes `text` over the whole program, as Ctrl+V would (a real paste event, read by CodeMirror). */
export async function pasteProgram(page: Page, text: string): Promise<void> {
  const editor = await programEditor(page);
  await editor.click();
  await page.keyboard.press('Control+a');
  await editor.evaluate((el, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Five layers of 80, each value the product of two from the layer before: a big graph that opens as an overview (a long chain would open following, zoomed in). */
export const LAYERS_80 = [
  ...Array.from({ length: 80 }, (_, i) => `l0_${i} = ${((i % 7) - 3) / 4}`),
  ...Array.from({ length: 4 * 80 }, (_, j) => {
    const [d, i] = [Math.floor(j / 80) + 1, j % 80];
    return `l${d}_${i} = l${d - 1}_${i} * l${d - 1}_${(i + 1) % 80}`;
  }),
  `L = ${Array.from({ length: 80 }, (_, i) => `l4_${i}`).join(' + ')}`,
].join('\n');
