import { appUrl, BRANCHED, CIRCUIT, expect, expectEditorText, node, press, programEditor, replaceProgram, stepCounter, test } from './fixtures';

test.describe('stepping through the circuit (x + y) · z', () => {
  test('step 0 shows input values only; the forward pass fills in values one node at a time', async ({ page }) => {
    await page.goto(appUrl(CIRCUIT));
    await expect(node(page, 'x')).toHaveAttribute('data-value', '-2');
    await expect(node(page, 'q')).not.toHaveAttribute('data-value', /.*/);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await press(page, 'ArrowRight');
    await expect(node(page, 'q')).toHaveAttribute('data-value', '3');
    await expect(node(page, 'f')).not.toHaveAttribute('data-value', /.*/);
    await press(page, 'j');
    await expect(node(page, 'f')).toHaveAttribute('data-value', '-12');
    await expect(node(page, 'f')).not.toHaveAttribute('data-grad', /.*/);
    await press(page, 'PageDown'); // the seed
    await expect(node(page, 'f')).toHaveAttribute('data-grad', '1');
    await press(page, 'ArrowRight'); // visit f: q gets z, z gets q
    await expect(node(page, 'q')).toHaveAttribute('data-grad', '-4');
    await expect(node(page, 'z')).toHaveAttribute('data-grad', '3');
    await expect(node(page, 'z')).toHaveAttribute('data-grad-final', '');
    await expect(node(page, 'x')).not.toHaveAttribute('data-grad', /.*/);
    await press(page, 'ArrowRight'); // visit q: add distributes −4 to x and y
    await expect(node(page, 'x')).toHaveAttribute('data-grad', '-4');
    await expect(node(page, 'y')).toHaveAttribute('data-grad', '-4');
  });

  test('stepping back is exact, Home and End jump to the ends', async ({ page }) => {
    await page.goto(appUrl(CIRCUIT, { step: '5' }));
    await expect(node(page, 'x')).toHaveAttribute('data-grad', '-4');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await press(page, 'ArrowLeft');
    await expect(node(page, 'x')).not.toHaveAttribute('data-grad', /.*/);
    await expect(node(page, 'q')).toHaveAttribute('data-grad', '-4');
    await press(page, 'k');
    await press(page, 'PageUp');
    await expect(node(page, 'q')).not.toHaveAttribute('data-grad', /.*/);
    await expect(node(page, 'f')).toHaveAttribute('data-value', '-12');
    await press(page, 'Home');
    expect(await stepCounter(page)).toBe(0);
    await expect(node(page, 'f')).not.toHaveAttribute('data-value', /.*/);
    await press(page, 'End');
    await expect(node(page, 'x')).toHaveAttribute('data-grad-final', '');
  });

  test('step=end gives every node its final gradient', async ({ page }) => {
    await page.goto(appUrl(CIRCUIT, { step: 'end' }));
    const expected: Record<string, string> = { x: '-4', y: '-4', z: '3', q: '-4', f: '1' };
    for (const [label, grad] of Object.entries(expected)) {
      await expect(node(page, label)).toHaveAttribute('data-grad', grad);
      await expect(node(page, label)).toHaveAttribute('data-grad-final', '');
    }
    const nodes = page.locator('[data-node-id]');
    const count = await nodes.count();
    expect(count).toBe(5);
    for (let i = 0; i < count; i++) {
      await expect(nodes.nth(i)).toHaveAttribute('data-value', /.+/);
      await expect(nodes.nth(i)).toHaveAttribute('data-grad-final', '');
    }
  });

  test('step=forward stops at the last forward step', async ({ page }) => {
    await page.goto(appUrl(CIRCUIT, { step: 'forward' }));
    await expect(node(page, 'f')).toHaveAttribute('data-value', '-12');
    await expect(node(page, 'f')).not.toHaveAttribute('data-grad', /.*/);
    expect(await stepCounter(page)).toBe(2);
  });

  test('each step is announced in words', async ({ page }) => {
    await page.goto(appUrl(CIRCUIT, { step: '1' }));
    // The page's own live region (CodeMirror adds one of its own once the editor loads).
    await expect(page.getByTestId('announcer')).toContainText('q = 3');
  });

  test('the buttons step too, and play runs to the end', async ({ page }) => {
    await page.goto(appUrl(CIRCUIT));
    await page.getByRole('button', { name: 'Next step' }).click();
    expect(await stepCounter(page)).toBe(1);
    await page.getByRole('button', { name: 'Last step' }).click();
    await page.getByRole('button', { name: 'First step' }).click();
    expect(await stepCounter(page)).toBe(0);
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText(/Step 8 of 8/, { timeout: 15_000 });
  });
});

test.describe('a value that feeds two nodes', () => {
  test('its gradient is partial after the first contribution and final after the second', async ({ page }) => {
    // Steps: 1–3 forward a, b, f; 4 seed; 5 visit f; 6 visit b; 7 the constant 1; 8 visit a.
    await page.goto(appUrl(BRANCHED, { step: '6' }));
    const x = node(page, 'x');
    await expect(x).toHaveAttribute('data-grad', '6');
    await expect(x).not.toHaveAttribute('data-grad-final', /.*/);
    await expect(page.getByTestId('accumulation')).toContainText(/1 more to come/);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await press(page, 'ArrowRight', 2);
    await expect(x).toHaveAttribute('data-grad', '14');
    await expect(x).toHaveAttribute('data-grad-final', '');
    await expect(page.getByTestId('accumulation')).toContainText('final');
  });
});

test.describe('the program editor', () => {
  test('a bad program shows an alert with line and column, keeps the text and the last good graph', async ({ page }) => {
    await page.goto(appUrl(CIRCUIT, { step: 'end' }));
    const editor = await programEditor(page);
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' +');
    await expect(page.getByRole('alert')).toContainText('line 5, col 12');
    await expect(page.getByRole('alert')).toContainText("expected an expression after '+'");
    await expectEditorText(page, `${CIRCUIT} +`);
    await expect(node(page, 'f')).toHaveAttribute('data-value', '-12');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('keys typed in the editor do not step', async ({ page }) => {
    await page.goto(appUrl('x = 2\nf = x * x'));
    const editor = await programEditor(page);
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' + 1');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('j');
    expect(await stepCounter(page)).toBe(0);
    await expectEditorText(page, 'x = 2\nf = x * x + j1');
    await expect(page.getByRole('alert')).toContainText("'j1' is not defined");
  });

  test('editing rebuilds the graph live', async ({ page }) => {
    await page.goto(appUrl('x = 2\nf = x * x', { step: 'end' }));
    await expect(node(page, 'x')).toHaveAttribute('data-grad', '4');
    await replaceProgram(page, 'x = 3\nf = x * x');
    await expect(node(page, 'x')).toHaveAttribute('data-value', '3');
  });
});

test('a held arrow key keeps stepping: its repeats run once a frame, none is lost', async ({ page }) => {
  await page.goto(appUrl(BRANCHED, { step: '0' }));
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  // Key repeats as a keyboard sends them: sent without waiting for the page.
  const cdp = await page.context().newCDPSession(page);
  const key = { key: 'ArrowRight', code: 'ArrowRight', windowsVirtualKeyCode: 39, nativeVirtualKeyCode: 39 };
  const sent: Promise<unknown>[] = [];
  for (let i = 0; i < 8; i++) {
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', autoRepeat: i > 0, ...key }));
    await page.waitForTimeout(30);
  }
  // Still held: the drawing has moved already.
  await expect.poll(() => stepCounter(page)).toBeGreaterThan(2);
  sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }));
  await Promise.all(sent);
  await expect.poll(() => stepCounter(page)).toBe(8);
  // A repeat of a key that is not a step (Space toggles play) is not gathered.
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => stepCounter(page)).toBe(7);
});
