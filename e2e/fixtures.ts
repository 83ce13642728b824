// Every e2e test fails if the page logs a console error or throws.
import { test as base, expect, type Page } from '@playwright/test';

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
