// The benches time a key press to the frame that shows it (scripts/eventLatency.ts).
// A change in the bottom rows of the viewport must count as shown: the app's
// footer, with the step counter and the timeline, sits there.
import { expect, test } from '@playwright/test';
import { openBenchPage } from '../scripts/benchWindow';
import { keyLatencies, type TraceEvent } from '../scripts/eventLatency';

const COUNTER_AT_BOTTOM = `<!doctype html><body style="margin:0">
<div id="n" style="position:fixed;bottom:4px;left:240px;font:16px sans-serif">Step 0</div>
<script>let n = 0; addEventListener('keydown', () => { n++; document.getElementById('n').textContent = 'Step ' + n; });</script>`;

for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
  test(`a change in the last rows of a ${viewport.width}×${viewport.height} bench page reaches the screen`, async ({ browser }) => {
    const page = await openBenchPage(browser, viewport);
    try {
      await page.setContent(COUNTER_AT_BOTTOM);
      await page.waitForTimeout(200);
      await browser.startTracing(page, { categories: ['input'] });
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(120);
      }
      await page.waitForTimeout(200);
      const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
      const latencies = keyLatencies(trace.traceEvents).map((l) => l.total);
      await expect(page.locator('#n')).toHaveText('Step 6');
      // Each press is shown by a frame of its own, not by the next press's frame.
      expect(latencies).toHaveLength(6);
      for (const ms of latencies) expect(ms).toBeLessThan(100);
    } finally {
      await page.close();
    }
  });
}
