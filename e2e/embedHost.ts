// A host page for iframe tests: the app in an iframe `#app` on a page of the
// same server, every message it posts kept in `window.received`.
import type { Page } from '@playwright/test';

export async function hostApp(page: Page, src: string): Promise<void> {
  await page.goto('./course-notes.html');
  await page.evaluate((url) => {
    document.body.innerHTML = '';
    (window as unknown as { received: unknown[] }).received = [];
    window.addEventListener('message', (e) => (window as unknown as { received: unknown[] }).received.push(e.data));
    const f = document.createElement('iframe');
    f.id = 'app';
    f.name = 'app';
    f.src = url;
    f.width = '700';
    f.height = '500';
    document.body.appendChild(f);
  }, src);
}

/** Every message the app has posted to the host so far. */
export function receivedMessages<T = { type: string; step?: number }>(page: Page): Promise<T[]> {
  return page.evaluate(() => (window as unknown as { received: unknown[] }).received) as Promise<T[]>;
}

/** Posts a message to the app, as the host page would. */
export function sendToApp(page: Page, message: unknown): Promise<void> {
  return page.evaluate((m) => {
    (document.getElementById('app') as HTMLIFrameElement).contentWindow?.postMessage(m, '*');
  }, message);
}
