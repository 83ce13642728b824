import { expect, expectEditorText, node, press, programEditor, replaceProgram, test } from './fixtures';

test.describe('presentation mode', () => {
  test('hides the editor, shows a large step counter, steps with a presenter remote and blanks with b', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('./?lesson=circuit&mode=present');
    await expect(page.getByRole('textbox', { name: 'Program' })).toHaveCount(0);
    await expect(page.getByTestId('step-counter')).toHaveText('Step 0 of 8');
    await press(page, 'PageDown', 4);
    await expect(node(page, 'q')).toHaveAttribute('data-grad', '-4');
    await press(page, 'PageUp');
    await expect(page.getByTestId('step-counter')).toHaveText('Step 3 of 8');
    await press(page, 'b');
    await expect(page.getByTestId('blank-screen')).toBeVisible();
    await press(page, 'b');
    await expect(page.getByTestId('blank-screen')).toHaveCount(0);
    // A remote's "." blanks too, Esc brings the screen back, and the button says its keys.
    await press(page, '.');
    await expect(page.getByTestId('blank-screen')).toBeVisible();
    await press(page, 'Escape');
    await expect(page.getByTestId('blank-screen')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Blank the screen' })).toHaveAttribute('title', 'Blank the screen (b / .)');
    await expect(page.getByRole('button', { name: 'Next step' })).toHaveAttribute('title', 'Next step (→ / PageDown / j)');
    const fontSize = await page.locator('.step-panel').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(20);
  });

  test('the Present button switches mode and the URL follows; b blanks only in presentation', async ({ page }) => {
    await page.goto('./?lesson=circuit');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await press(page, 'b');
    await expect(page.getByTestId('blank-screen')).toHaveCount(0);
    await page.getByTestId('present-button').click();
    await expect(page.getByRole('textbox', { name: 'Program' })).toHaveCount(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('present');
    await page.getByRole('button', { name: 'Exit presentation' }).click();
    await expect(page.getByRole('textbox', { name: 'Program' })).toBeVisible();
  });

  test('the dark theme switches colours', async ({ page }) => {
    await page.goto('./?lesson=circuit&mode=present');
    const bg = () => page.locator('.app').evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await bg();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await bg()).not.toBe(light);
  });
});

test.describe('links and local work', () => {
  test('the URL follows the step and language, and reopens the same view', async ({ page }) => {
    await page.goto('./?lesson=circuit');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await press(page, 'ArrowRight', 5);
    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('5');
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('zh-CN');
    const url = page.url();
    const again = await page.context().newPage();
    await again.goto(url);
    await expect(again.locator('[data-label="x"]')).toHaveAttribute('data-grad', '-4');
    await expect(again.getByTestId('step-counter')).toHaveText('第 5 步，共 8 步');
    await again.close();
  });

  test('while the student clicks through steps the URL waits, and follows once stepping stops', async ({ page }) => {
    // Rewriting a long program into the address bar costs milliseconds: not between two clicks.
    await page.goto('./?lesson=circuit&step=1');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 4; i++) {
      await press(page, 'ArrowRight');
      await page.waitForTimeout(250);
    }
    await expect(page.getByTestId('step-counter')).toHaveText('Step 5 of 8');
    expect(new URL(page.url()).searchParams.get('step')).toBe('1');
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('5');
  });

  test('the edited program survives a reload, and a link does not lose it', async ({ page }) => {
    await page.goto('./');
    await replaceProgram(page, 'mine = 7\nf = mine * mine');
    await page.waitForTimeout(400);
    await page.goto('./');
    await expectEditorText(page, 'mine = 7\nf = mine * mine');
    await page.goto('./?lesson=shopping');
    await expect(page.getByTestId('restore-notice')).toBeVisible();
    await page.getByRole('button', { name: 'Restore my program' }).click();
    await expectEditorText(page, 'mine = 7\nf = mine * mine');
    // Restoring is one undoable change in the editor: the link's program comes back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expectEditorText(page, /^# /);
    await expect(page.locator('[data-node-id]')).not.toHaveCount(2);
  });
});

test.describe('share and undo', () => {
  test('Share gives a link and an iframe snippet that reopen the exact step', async ({ page }) => {
    await page.goto('./?lesson=circuit&step=5&lang=zh-CN');
    await page.getByTestId('share-button').click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(new URL(link).searchParams.get('step')).toBe('5');
    expect(new URL(link).searchParams.get('lang')).toBe('zh-CN');
    const snippet = await page.getByTestId('share-embed').inputValue();
    expect(snippet).toMatch(/^<iframe src="[^"]+mode=embed[^"]*" title="[^"]*"/);
    const src = /src="([^"]+)"/.exec(snippet)?.[1].replace(/&amp;/g, '&') ?? '';
    await page.goto(src);
    await expect(page.locator('[data-label="x"]')).toHaveAttribute('data-grad', '-4');
    await expect(page.getByRole('textbox')).toHaveCount(0);
  });

  test('undo and redo in the editor, including after picking a lesson', async ({ page }) => {
    await page.goto('./?program=x%20%3D%202%0Af%20%3D%20x%20*%20x');
    const editor = await programEditor(page);
    await page.getByTestId('lesson-picker').selectOption('circuit');
    await expectEditorText(page, /q = x \+ y/);
    await editor.click();
    await page.keyboard.press('Control+z');
    await expectEditorText(page, 'x = 2\nf = x * x');
    await page.keyboard.press('Control+Shift+z');
    await expectEditorText(page, /q = x \+ y/);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('[data-node-id]')).toHaveCount(2);
  });
});
