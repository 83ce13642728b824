// Text that must stay readable: a node's numbers inside its box, and the
// timeline's pass labels clear of its thumb.
import type { Page } from '@playwright/test';
import { appUrl, CIRCUIT, expect, press, test } from './fixtures';

// Tiny values and gradients print as long numbers with exponents (∇3.963×10⁻³⁹).
const TINY = 'x = 1.2345\nb = x * 1e-20\nL = tanh((b * 3.21e-19 + 1) * 1.2345e-19)';

/** TINY at its last step, where every node has its value and final gradient. */
async function openTinyAtEnd(page: Page): Promise<void> {
  await page.goto(appUrl(TINY));
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await press(page, 'End');
  await expect(page.locator('[data-label="x"]')).toHaveAttribute('data-grad-final', '');
}

test('long values and gradients stay inside their node boxes, pills included', async ({ page }) => {
  await openTinyAtEnd(page);
  const lines = await page.evaluate(() =>
    [...document.querySelectorAll<SVGGElement>('[data-node-id]')].flatMap((g) => {
      const shape = g.querySelector<SVGRectElement>('.node-shape')!;
      const box = shape.getBBox();
      const r = Number(shape.getAttribute('rx'));
      const half = box.height / 2;
      const cx = box.x + box.width / 2;
      const cy = box.y + half;
      return [...g.querySelectorAll<SVGTextElement>('.node-value, .node-grad')]
        .filter((t) => t.textContent)
        .map((t) => {
          const b = t.getBBox();
          // The box's half-width at the middle of the line's digits: less where round ends come in.
          const off = Math.min(r, Math.max(0, Math.abs(b.y + b.height / 2 - cy) - (half - r)));
          const halfWidth = box.width / 2 - (r - Math.sqrt(r * r - off * off));
          return { text: t.textContent, left: b.x - (cx - halfWidth), right: cx + halfWidth - (b.x + b.width) };
        });
    }),
  );
  // The test is about long lines: there must be some.
  expect(lines.some((l) => /10⁻/.test(l.text ?? '') && [...(l.text ?? '')].length >= 11)).toBe(true);
  for (const line of lines) {
    expect(line.left, `${line.text} starts inside its box`).toBeGreaterThanOrEqual(1);
    expect(line.right, `${line.text} ends inside its box`).toBeGreaterThanOrEqual(1);
  }
});

test('long gradients on edges are written clear of the nodes', async ({ page }) => {
  await openTinyAtEnd(page);
  const seen = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll<SVGRectElement>('[data-node-id] .node-shape')].map((r) => r.getBoundingClientRect());
    return [...document.querySelectorAll<SVGTextElement>('.edge-label')].map((t) => {
      const b = t.getBoundingClientRect();
      const over = boxes.filter((n) => b.left < n.right - 0.5 && n.left < b.right - 0.5 && b.top < n.bottom - 0.5 && n.top < b.bottom - 0.5).length;
      return { text: t.textContent ?? '', over };
    });
  });
  expect(seen.some((l) => /10⁻³⁹/.test(l.text))).toBe(true);
  for (const label of seen) expect(label.over, `${label.text} covers a node`).toBe(0);
});

test('the numbers of a matrix grid keep apart', async ({ page }) => {
  // Softmax-with-Loss: its gradient grid holds −0.1674, 0.1224 and 0.04502 side by side.
  await page.goto(appUrl('param Z = [[2, 1, 0], [0, 1, 0]]\nT = [[1, 0, 0], [0, 0, 1]]\nL = softmax_cross_entropy(Z, T)'));
  await expect(page.locator('[data-node-id]').first()).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await press(page, 'End');
  await expect(page.locator('[data-label="Z"] [data-block="grad"] .cell-text')).toHaveCount(6);
  const rows = await page.evaluate(() =>
    [...document.querySelectorAll('[data-block]')].flatMap((block) => {
      const boxes = [...block.querySelectorAll<SVGTextElement>('.cell-text')].map((t) => {
        const b = t.getBBox();
        return { text: t.textContent ?? '', x: b.x, y: b.y, width: b.width };
      });
      // Each number and the next one in its row: at least 3 px of space between them.
      return boxes.flatMap((a) => {
        const next = boxes.filter((b) => Math.abs(b.y - a.y) < 1 && b.x > a.x).sort((p, q) => p.x - q.x)[0];
        return next && next.x - (a.x + a.width) < 3 ? [`${a.text} runs into ${next.text} (${(next.x - a.x - a.width).toFixed(1)} px apart)`] : [];
      });
    }),
  );
  expect(rows).toEqual([]);
  // The grids were found and measured.
  expect(await page.locator('[data-block] .cell-text').count()).toBeGreaterThanOrEqual(18);
});

for (const width of [1280, 768]) {
  test(`the timeline thumb covers neither pass label at any step, ${width} px wide`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(appUrl(CIRCUIT, { step: '0' }));
    await expect(page.locator('[data-node-id]').first()).toBeVisible();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const end = Number(await page.locator('.timeline-input').getAttribute('max'));
    for (let step = 0; step <= end; step++) {
      if (step > 0) await press(page, 'ArrowRight');
      await expect(page.locator('.timeline-input')).toHaveValue(String(step));
      const seen = await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('.timeline-input')!;
        const r = input.getBoundingClientRect();
        const at = (Number(input.value) - Number(input.min)) / (Number(input.max) - Number(input.min));
        const thumb = { left: r.left + at * (r.width - 6), right: r.left + at * (r.width - 6) + 6 };
        return [...document.querySelectorAll<HTMLElement>('.timeline-label')].map((label) => {
          const range = document.createRange();
          range.selectNodeContents(label);
          const text = range.getBoundingClientRect();
          // What shows of the text: a label cut short by its ellipsis ends at its content box.
          const box = label.getBoundingClientRect();
          const pad = parseFloat(getComputedStyle(label).paddingLeft);
          const shown = { left: Math.max(text.left, box.left + pad), right: Math.min(text.right, box.right - pad) };
          return { label: label.textContent, step: input.value, shown: [shown.left, shown.right], thumb: [thumb.left, thumb.right], overlaps: shown.left < thumb.right && thumb.left < shown.right };
        });
      });
      expect(seen).toHaveLength(2);
      for (const o of seen) expect(o.overlaps, JSON.stringify(o)).toBe(false);
    }
  });
}
