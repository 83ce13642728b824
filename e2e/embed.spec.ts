import type { Page } from '@playwright/test';
import { hostApp, receivedMessages, sendToApp } from './embedHost';
import { expect, test } from './fixtures';

const frame = (page: Page, id: string) => page.frameLocator(`#${id}`);

test.describe('embedding in course notes', () => {
  test('two diagrams on one page work independently; the host drives one by messages', async ({ page }) => {
    await page.goto('./course-notes.html');
    const circuit = page.frameLocator('#diagram-circuit');
    const branch = page.frameLocator('#diagram-branch');
    await expect(circuit.locator('[data-label="q"]')).toHaveAttribute('data-grad', '-4');
    await expect(branch.locator('[data-label="x"]')).not.toHaveAttribute('data-grad', /.*/);
    await expect(page.locator('#host-status')).toHaveAttribute('data-step', '0');

    await page.getByRole('button', { name: 'Jump to the end' }).click();
    await expect(branch.locator('[data-label="x"]')).toHaveAttribute('data-grad', '14');
    await expect(page.locator('#host-status')).toContainText('∂f/∂x so far = 14');
    await page.getByRole('button', { name: '◀ Previous' }).click();
    await expect(page.locator('#host-status')).toHaveAttribute('data-step', '9');
    // The other diagram did not move.
    await expect(circuit.getByTestId('step-counter')).toHaveText('Step 4 of 8');

    await page.getByRole('button', { name: 'Try x · x instead' }).click();
    await expect(branch.locator('[data-node-id]')).toHaveCount(2);
    await page.getByRole('button', { name: 'Jump to the end' }).click();
    await expect(branch.locator('[data-label="x"]')).toHaveAttribute('data-grad', '6');
  });

  test('the iframe reports its height so the host can size it', async ({ page }) => {
    await page.goto('./course-notes.html');
    await expect(page.frameLocator('#diagram-circuit').locator('[data-node-id]').first()).toBeVisible();
    await expect
      .poll(async () => page.locator('#diagram-circuit').evaluate((el) => (el as HTMLIFrameElement).style.height))
      .toMatch(/^\d+px$/);
  });
});

test.describe('iframe messages', () => {
  const host = hostApp;
  const received = (page: Page) => receivedMessages(page);
  const send = sendToApp;

  test('sends ready and state, obeys goToStep/setProgram/getState and ignores other shapes', async ({ page }) => {
    await host(page, './?mode=embed&program=x%20%3D%203%0Af%20%3D%20x%20*%20x');
    await expect.poll(async () => (await received(page)).some((m) => m.type === 'ready')).toBe(true);
    await send(page, { source: 'chainstep', type: 'goToStep', step: 'end' });
    await expect.poll(async () => (await received(page)).filter((m) => m.type === 'state').at(-1)?.step).toBe(4);
    const last = (await received(page)).filter((m) => m.type === 'state').at(-1) as unknown as {
      phase: string;
      nodes: { label: string; grad: number }[];
    };
    expect(last.phase).toBe('end');
    expect(last.nodes.find((n) => n.label === 'x')?.grad).toBe(6);

    const before = (await received(page)).length;
    await send(page, { source: 'chainstep', type: 'goToStep', step: 'nonsense' });
    await send(page, { type: 'goToStep', step: 1 });
    await send(page, 'goToStep');
    await send(page, { source: 'chainstep', type: 'setProgram', program: '<img src=x onerror=alert(1)>' });
    await expect(frame(page, 'app').getByRole('alert')).toContainText('line 1');
    expect(await frame(page, 'app').locator('img').count()).toBe(0);
    await send(page, { source: 'chainstep', type: 'getState' });
    await expect.poll(async () => (await received(page)).length).toBeGreaterThan(before);
    const states = (await received(page)).slice(before).filter((m) => m.type === 'state');
    expect(states.every((m) => m.step === 4)).toBe(true);
  });

  test('a storm of messages does not freeze the page', async ({ page }) => {
    await host(page, './?mode=embed&lesson=two-layer');
    await expect.poll(async () => (await received(page)).some((m) => m.type === 'ready')).toBe(true);
    await page.evaluate(() => {
      const w = (document.getElementById('app') as HTMLIFrameElement).contentWindow;
      for (let i = 0; i < 5000; i++) w?.postMessage({ source: 'chainstep', type: 'goToStep', step: i % 40 }, '*');
      w?.postMessage({ source: 'chainstep', type: 'goToStep', step: 7 }, '*');
    });
    await expect(frame(page, 'app').getByTestId('step-counter')).toContainText('Step 7 of', { timeout: 10_000 });
  });

  test('with ?origin= messages from another origin are ignored', async ({ page }) => {
    await host(page, './?mode=embed&origin=https%3A%2F%2Fexample.org&program=x%20%3D%203%0Af%20%3D%20x%20*%20x');
    await expect(frame(page, 'app').locator('[data-node-id]').first()).toBeVisible();
    await send(page, { source: 'chainstep', type: 'goToStep', step: 'end' });
    await page.waitForTimeout(300);
    await expect(frame(page, 'app').getByTestId('step-counter')).toContainText('Step 0 of');
  });
});
