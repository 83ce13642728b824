import { appUrl, CIRCUIT, editorText, expect, expectEditorText, node, programEditor, replaceProgram, stepCounter, test } from './fixtures';

test.describe('the CodeMirror program editor', () => {
  test('numbers, names, functions, comments and param are highlighted, with line numbers', async ({ page }) => {
    await page.goto(appUrl('param w = 0.5 # weight\nx = 2\nf = tanh(w * x)'));
    await programEditor(page);
    const cls = (text: string) => page.locator('.cm-line span', { hasText: new RegExp(`^${text.replace(/[()*.]/g, '\\$&')}$`) }).first().getAttribute('class');
    expect(await cls('param')).toContain('cs-keyword');
    expect(await cls('0.5')).toContain('cs-number');
    expect(await cls('# weight')).toContain('cs-comment');
    expect(await cls('tanh')).toContain('cs-function');
    await expect(page.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^3$/ })).toBeVisible();
    await expect(page.getByTestId('editor-language')).toHaveText('Read as Chainstep');
    // Its accessible name, for screen readers and for getByRole.
    await expect(page.getByRole('textbox', { name: 'Program' })).toHaveClass(/cm-content/);
    await page.screenshot({ path: 'screenshots/editor-highlight.png' });
  });

  test('an error is shown under its exact line and column, with the alert and the last good graph', async ({ page }) => {
    await page.goto(appUrl(CIRCUIT, { step: 'end' }));
    const editor = await programEditor(page);
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' + ww');
    await expect(page.getByRole('alert')).toContainText("line 5, col 13: 'ww' is not defined");
    const under = page.locator('.cm-program-error');
    await expect(under).toHaveCount(1);
    await expect(under).toContainText("'ww' is not defined");
    // The message sits right under line 5, and its caret under column 13 ('ww').
    const line5 = page.locator('.cm-line').nth(4);
    const lineBox = await line5.boundingBox();
    const underBox = await under.boundingBox();
    expect(underBox!.y).toBeGreaterThanOrEqual(lineBox!.y + lineBox!.height - 1);
    expect(underBox!.y).toBeLessThan(lineBox!.y + lineBox!.height + 4);
    const caretX = await page.locator('.cm-program-error-pointer').evaluate((el) => {
      const range = document.createRange();
      range.setStart(el.lastChild!, 0);
      range.setEnd(el.lastChild!, 1);
      return range.getBoundingClientRect().left;
    });
    const wwX = await line5.evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf('ww');
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + 1);
          return range.getBoundingClientRect().left;
        }
      }
      return NaN;
    });
    expect(Math.abs(caretX - wwX)).toBeLessThan(2);
    await expect(page.locator('.cm-lintRange-error')).toHaveText('ww');
    await expect(node(page, 'f')).toHaveAttribute('data-value', '-12');
    await page.screenshot({ path: 'screenshots/editor-error.png' });
    for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('.cm-program-error')).toHaveCount(0);
    await expectEditorText(page, CIRCUIT);
  });

  test('completion offers tanh after typing ta, and names defined above', async ({ page }) => {
    await page.goto(appUrl('total = 2\nx = 1'));
    const editor = await programEditor(page);
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nf = ta');
    const list = page.locator('.cm-tooltip-autocomplete');
    await expect(list).toBeVisible();
    await expect(list.getByRole('option')).toHaveText(['tanh', 'total']);
    // Clicked: Enter is not taken within CodeMirror's first 75 ms after the list changes.
    await list.getByRole('option', { name: 'tanh' }).click();
    await page.keyboard.type('(x)');
    await expectEditorText(page, 'total = 2\nx = 1\nf = tanh(x)');
    await expect(node(page, 'f')).toHaveAttribute('data-op', 'tanh');
  });

  test('brackets are matched', async ({ page }) => {
    await page.goto(appUrl('x = 1\nf = (x + 1) * (x - 1)'));
    const editor = await programEditor(page);
    await editor.click();
    await page.keyboard.press('Control+End');
    await expect(page.locator('.cm-matchingBracket')).toHaveText(['(', ')']);
  });

  test('the caret blinks only after a pause in typing, and never for reduced motion', async ({ page }) => {
    await page.goto(appUrl('x = 1\nf = x * x'));
    const editor = await programEditor(page);
    await editor.click();
    await page.keyboard.type('2');
    const layer = page.locator('.cm-editor.cm-focused .cm-cursorLayer');
    const blink = () => layer.evaluate((el) => ({ delay: getComputedStyle(el).animationDelay, name: getComputedStyle(el).animationName }));
    // CodeMirror's blink, restarted by every key, waits a second before the caret first goes.
    expect(await blink()).toEqual({ delay: '1s', name: expect.stringMatching(/^cm-blink2?$/) });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect((await blink()).name).toBe('none');
  });

  test("undo restores the previous text, a lesson picked is undone in one step, and the Undo button is CodeMirror's", async ({ page }) => {
    await page.goto(appUrl('x = 2\nf = x * x'));
    const editor = await programEditor(page);
    await editor.click();
    await page.keyboard.press('Control+End');
    // Inserted in one go: keys typed further apart than CodeMirror's half second would be undone one by one.
    await page.keyboard.insertText(' + 1');
    await expectEditorText(page, 'x = 2\nf = x * x + 1');
    await page.keyboard.press('Control+z');
    await expectEditorText(page, 'x = 2\nf = x * x');
    await page.keyboard.press('Control+Shift+z');
    await expectEditorText(page, 'x = 2\nf = x * x + 1');
    await page.getByTestId('lesson-picker').selectOption('circuit');
    await expectEditorText(page, /q = x \+ y\nf = q \* z$/);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expectEditorText(page, 'x = 2\nf = x * x + 1');
    await expect(page.locator('[data-node-id]')).toHaveCount(4); // x, x*x, the constant 1, the sum
  });

  test('stepping keys typed in the editor edit the text and step nothing', async ({ page }) => {
    await page.goto(appUrl('x = 2\nf = x * x', { step: '1' }));
    const editor = await programEditor(page);
    await editor.click();
    await page.keyboard.press('Control+End');
    for (const key of ['j', 'k', ' ', 'b', '.']) await page.keyboard.press(key);
    for (const key of ['ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageDown', 'PageUp']) await page.keyboard.press(key);
    expect(await stepCounter(page)).toBe(1);
    expect(await editorText(page)).toBe('x = 2\nf = x * xjk b.');
    await expect(page.getByTestId('blank-screen')).toHaveCount(0);
  });

  test('a micrograd program is labelled Python (micrograd), a PyTorch one PyTorch, in both languages', async ({ page }) => {
    await page.goto(appUrl("from micrograd.engine import Value\na = Value(2.0, label='a')\nb = a * a\nb.backward()"));
    await programEditor(page);
    await expect(page.getByTestId('editor-language')).toHaveText('Read as micrograd');
    await expect(page.locator('.cm-line span.cs-string').first()).toHaveText("'a'");
    await replaceProgram(page, 'import torch\na = torch.tensor(2.0, requires_grad=True)\nb = a.tanh()');
    await expect(page.getByTestId('editor-language')).toHaveText('Read as PyTorch');
    await expect(page.locator('.cm-line span.cs-function', { hasText: 'tanh' })).toHaveCount(1);
    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect(page.getByTestId('editor-language')).toHaveText('按 PyTorch 读取');
    await replaceProgram(page, 'x = 1\nf = x * x');
    await expect(page.getByTestId('editor-language')).toHaveText('按 Chainstep 读取');
  });

  test('typing works before the editor has loaded, and nothing typed is lost when it takes over', async ({ page }) => {
    // Hold the editor's script back until the plain field has been typed into.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/editorScript-.*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(appUrl('x = 2\nf = x * x', { step: 'end' }));
    const plain = page.locator('textarea#program-editor');
    await plain.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' + 3');
    await expect(node(page, 'f')).toHaveAttribute('data-value', '7');
    release();
    await programEditor(page);
    await expect(plain).toHaveCount(0);
    await expectEditorText(page, 'x = 2\nf = x * x + 3');
    // Focus and cursor moved over: typing goes on where it was.
    await page.keyboard.type('0');
    await expectEditorText(page, 'x = 2\nf = x * x + 30');
  });
});
