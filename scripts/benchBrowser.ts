// browser/* and bundle/*: measured in Debian's Chromium on the built page
// (dist/, opened from the file system, so no server is involved).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { emit, layeredProgram, round } from './benchUtil';

const DIST = resolve('dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--js-flags=--expose-gc'];

function percentile(sorted: number[], p: number): number {
  return round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
}

function pageUrl(query: string): string {
  return `file://${join(DIST, 'index.html')}${query}`;
}

function bundleSize(): void {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*src="\.\/([^"]+)"/g)].map((m) => m[1]);
  let raw = 0;
  let gz = 0;
  for (const file of scripts) {
    const code = readFileSync(join(DIST, file));
    raw += code.length;
    gz += gzipSync(code, { level: 9 }).length;
  }
  const workers = readdirSync(join(DIST, 'assets')).filter((f) => f.startsWith('layoutWorker') || f.startsWith('katexScript'));
  emit({ name: 'bundle/initial-js-gzip', files: scripts, bytes: raw, gzip_bytes: gz, gzip_kb: round(gz / 1024), lazy_files: workers });
}

/**
 * Keypress to the end of the next frame: dispatch the key, then wait for an
 * animation frame and a task after it. The floor is one frame (~16.7 ms at 60 Hz)
 * even for a key that changes nothing; `noop_p50_ms` reports that floor.
 */
async function stepLatency(page: Page, nodes: number): Promise<void> {
  const program = layeredProgram(nodes);
  await page.goto(pageUrl(`?mode=present&program=${encodeURIComponent(program)}`));
  await page.locator('[data-node-id]').first().waitFor({ timeout: 120_000 });
  const drawn = await page.locator('[data-node-id]').count();
  const measure = (key: string) =>
    page.evaluate(
      async ([steps, k]) => {
    const out: number[] = [];
    for (let i = 0; i < steps; i++) {
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
      // After the frame is painted: next animation frame, then a task.
      await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      out.push(performance.now() - t0);
    }
    return out;
      },
      [120, key] as const,
    );
  const floor = (await measure('x')).slice(20).sort((a, b) => a - b);
  const samples = await measure('ArrowRight');
  const sorted = samples.slice(20).sort((a, b) => a - b);
  emit({ name: `browser/step-latency-${nodes}`, nodes: drawn, steps: sorted.length, p50_ms: percentile(sorted, 50), p95_ms: percentile(sorted, 95), max_ms: round(sorted[sorted.length - 1]), noop_p50_ms: percentile(floor, 50) });
}

async function firstPaint(page: Page): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(pageUrl('?lesson=circuit'));
    await page.locator('[data-node-id]').first().waitFor();
    times.push(
      await page.evaluate(() => {
        const paint = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
        return Math.max(performance.now() * 0 + (paint ? paint.startTime : 0), 0);
      }),
    );
  }
  const drawn = await page.evaluate(() => performance.now());
  times.sort((a, b) => a - b);
  emit({ name: 'browser/first-paint', runs: times.length, fcp_ms_median: round(times[2]), drawn_by_ms: round(drawn) });
}

async function heap(page: Page): Promise<void> {
  const program = layeredProgram(10_000);
  const cdp = await page.context().newCDPSession(page);
  await page.goto(pageUrl('?lesson=circuit'));
  await page.locator('[data-node-id]').first().waitFor();
  // Pasted rather than linked: the program is longer than a URL may carry.
  await page.evaluate(`(() => {
    const editor = document.getElementById('program-editor');
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    setValue.call(editor, ${JSON.stringify(program)});
    editor.dispatchEvent(new Event('input', { bubbles: true }));
  })()`);
  await page.getByText('more than the 3000 that can be drawn').waitFor({ timeout: 60_000 });
  await page.keyboard.press('End');
  await page.waitForTimeout(300);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  const counter = await page.getByTestId('step-counter').textContent();
  emit({ name: 'browser/heap-10k', nodes: 10_000, step_counter: counter, used_mb: round(usage.usedSize / 2 ** 20), total_mb: round(usage.totalSize / 2 ** 20) });
}

export async function benchBrowser(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) execSync('npm run build', { stdio: 'ignore' });
  bundleSize();
  if (!existsSync(CHROMIUM)) {
    emit({ name: 'browser/skipped', reason: `no Chromium at ${CHROMIUM}` });
    return;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await firstPaint(page);
    await stepLatency(page, 100);
    await stepLatency(page, 1000);
    await heap(page);
  } finally {
    await browser.close();
  }
}
