// browser/* and bundle/*: measured in Debian's Chromium on the built page
// (dist/, opened from the file system, so no server is involved).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { twoLayer } from '../e2e/tensorPrograms';
import { callableNames } from '../src/engine/callables';
import { STEP_SHAPES } from './benchShapes';
import { openBenchPage } from './benchWindow';
import { emit, layeredProgram, round, stats } from './benchUtil';
import { keyLatencies, type KeyLatency, type TraceEvent } from './eventLatency';
import { longest, mainThreadTasks, TRACE_CATEGORIES, type TraceEventLike } from './mainThreadTasks';

const DIST = resolve('dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--js-flags=--expose-gc'];

function percentile(sorted: number[], p: number): number {
  return round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
}

function pageUrl(query: string, dist = DIST): string {
  return `file://${join(dist, 'index.html')}${query}`;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** dist/ served on a loopback port, as a static host serves it (there, unlike from file://, the layout and a training run each get a Web Worker). */
async function serveDist(): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  // Program links are long: allow a request line of up to 1 MB.
  const server = createServer({ maxHeaderSize: 1 << 20 }, (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(DIST, path === '' ? 'index.html' : path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server, close: () => new Promise((done) => server.close(() => done())) };
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
  const workers = readdirSync(join(DIST, 'assets')).filter((f) => ['layoutWorker', 'katexScript', 'editorScript', 'lessonsScript', 'toolsScript', 'zhScript', 'hostScript', 'inlineWorkerScript', 'worker-', 'digitsScript', 'fashionScript', 'pythonScript'].some((lazy) => f.startsWith(lazy)));
  emit({ name: 'bundle/initial-js-gzip', files: scripts, bytes: raw, gzip_bytes: gz, gzip_kb: round(gz / 1024), lazy_files: workers });
}

const STEP_SAMPLES = 120;

/**
 * How far apart the key presses come: a student clicking through, a key held
 * down, and a lecture (a teacher's remote, a step a second; then the gradient
 * pulse runs during the backward steps, see FlowOverlay.tsx).
 */
const CADENCES = [
  { suffix: '', gapMs: 200, jitterMs: 60, samples: STEP_SAMPLES },
  { suffix: '-burst', gapMs: 33, jitterMs: 17, samples: STEP_SAMPLES },
  { suffix: '-lecture', gapMs: 1000, jitterMs: 200, samples: 40 },
] as const;

/**
 * Presses `key` (a real key event, as a presenter remote sends it) `count`
 * times at random points of the frame cycle and reads, from Chromium's own
 * input-latency trace, the time from each key press to the frame that shows it.
 */
async function pressLatencies(browser: Browser, page: Page, key: string, count: number, gapMs: number, jitterMs: number): Promise<KeyLatency[]> {
  await browser.startTracing(page, { categories: ['input'] });
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(key);
    await page.waitForTimeout(gapMs + Math.random() * jitterMs);
  }
  await page.waitForTimeout(300);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  return keyLatencies(trace.traceEvents);
}

export function latencyFigures(samples: KeyLatency[]): Record<string, number> {
  const total = samples.map((s) => s.total).sort((a, b) => a - b);
  const work = samples.map((s) => s.total - s.frameWait).sort((a, b) => a - b);
  const wait = samples.map((s) => s.frameWait).sort((a, b) => a - b);
  return {
    steps: samples.length,
    p50_ms: percentile(total, 50),
    p95_ms: percentile(total, 95),
    max_ms: round(total[total.length - 1]),
    frame_wait_p50_ms: percentile(wait, 50),
    work_p50_ms: percentile(work, 50),
    work_p95_ms: percentile(work, 95),
  };
}

/**
 * Keypress to painted frame while stepping a graph of about `nodes` nodes
 * (presentation mode, 1920×1080), from shortly before the seed so that forward
 * and backward steps are both measured. `p95_ms` is the whole latency;
 * `work_p95_ms` leaves out the waits for the frame clock (eventLatency.ts),
 * which depend on when in the frame cycle the key arrived, not on the step.
 */
async function stepLatency(browser: Browser, page: Page, nodes: number): Promise<void> {
  const program = encodeURIComponent(layeredProgram(nodes));
  await page.goto(pageUrl(`?mode=present&step=forward&program=${program}`));
  const counter = (await page.getByTestId('step-counter').textContent()) ?? '';
  const seed = Number(/\d+/.exec(counter)?.[0] ?? 0);
  for (const { suffix, gapMs, jitterMs, samples: count } of CADENCES) {
    const from = Math.max(0, seed - count / 2);
    await page.goto(pageUrl(`?mode=present&step=${from}&program=${program}`));
    await page.locator('[data-node-id]').first().waitFor({ timeout: 120_000 });
    await page.waitForTimeout(500);
    const drawn = await page.locator('[data-node-id]').count();
    await pressLatencies(browser, page, 'ArrowLeft', 5, Math.min(gapMs, 200), jitterMs); // warm-up, back and forth
    await pressLatencies(browser, page, 'ArrowRight', 5, Math.min(gapMs, 200), jitterMs);
    const samples = await pressLatencies(browser, page, 'ArrowRight', count, gapMs, jitterMs);
    emit({ name: `browser/step-latency-${nodes}${suffix}`, nodes: drawn, gap_ms: `${gapMs}-${gapMs + jitterMs}`, from_step: from, ...latencyFigures(samples) });
  }
}

/** The normal page (editor, step panel) of the build in `dist` on `program`, at `step`, drawn and settled, with the keys on the graph. */
async function openNormal(page: Page, program: string, step: number, dist = DIST): Promise<number> {
  await page.goto(pageUrl(`?step=${step}&program=${encodeURIComponent(program)}`, dist));
  await page.locator('[data-node-id]').first().waitFor({ timeout: 120_000 });
  await page.getByTestId('layout-progress').waitFor({ state: 'detached', timeout: 120_000 });
  await page.waitForTimeout(800);
  await page.locator('.graph-view').click({ position: { x: 3, y: 3 } });
  return page.locator('[data-node-id]').count();
}

/**
 * Keypress to painted frame in the mode students use: the normal page at
 * 1280×800 with the editor and the step panel, on each of STEP_SHAPES (about
 * 1,000 nodes), from shortly before the seed, clicking and with bursts.
 */
async function normalStepLatency(browser: Browser): Promise<void> {
  const page = await openBenchPage(browser, { width: 1280, height: 800 });
  try {
    for (const { shape, program } of STEP_SHAPES) {
      const end = await stepCount(page, program);
      for (const cadence of CADENCES.slice(0, 2)) {
        const { drawn, from, samples } = await normalShapeSamples(browser, page, program, end, cadence);
        emit({ name: `browser/step-latency-normal-${shape}${cadence.suffix}`, page: 'normal, 1280×800', nodes: drawn, gap_ms: `${cadence.gapMs}-${cadence.gapMs + cadence.jitterMs}`, from_step: from, ...latencyFigures(samples) });
      }
    }
  } finally {
    await page.close();
  }
}

/** The number of the last step of `program`, read from the step counter of the build in `dist`. */
export async function stepCount(page: Page, program: string, dist = DIST): Promise<number> {
  await openNormal(page, program, 0, dist);
  return Number(/of (\d+)/.exec((await page.getByTestId('step-counter').textContent()) ?? '')?.[1] ?? 0);
}

/**
 * The step latencies of `program` (whose last step is `end`) on the normal page
 * of the build in `dist`, at one cadence, from shortly before the seed (the
 * backward pass starts after the forward one: the steps cross the seed), after
 * five steps back and forth.
 */
export async function normalShapeSamples(
  browser: Browser,
  page: Page,
  program: string,
  end: number,
  { gapMs, jitterMs, samples: count }: { gapMs: number; jitterMs: number; samples: number } = CADENCES[0],
  dist = DIST,
): Promise<{ drawn: number; from: number; samples: KeyLatency[] }> {
  const from = Math.max(0, Math.round(end / 2) - count / 2);
  const drawn = await openNormal(page, program, from, dist);
  await pressLatencies(browser, page, 'ArrowLeft', 5, Math.min(gapMs, 200), jitterMs);
  await pressLatencies(browser, page, 'ArrowRight', 5, Math.min(gapMs, 200), jitterMs);
  const samples = await pressLatencies(browser, page, 'ArrowRight', count, gapMs, jitterMs);
  return { drawn, from, samples };
}

/**
 * A key held down for three seconds on the normal page: key repeats sent every
 * 33 ms without waiting for the page (as a keyboard's auto-repeat does), and
 * the longest time the step counter on screen went without moving.
 */
async function heldKey(browser: Browser): Promise<void> {
  const page = await openBenchPage(browser, { width: 1280, height: 800 });
  try {
    for (const { shape, program } of STEP_SHAPES) {
      const drawn = await openNormal(page, program, 0);
      // A string, not a function: tsx would wrap the inner function in a helper the page does not have.
      await page.evaluate(`(() => {
        const counter = document.querySelector('[data-testid="step-counter"]');
        window.moves = [];
        window.watching = true;
        let last = counter && counter.textContent;
        const frame = () => {
          const now = counter && counter.textContent;
          if (now !== last) window.moves.push(performance.now());
          last = now;
          if (window.watching) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      })()`);
      const cdp = await page.context().newCDPSession(page);
      const key = { key: 'ArrowRight', code: 'ArrowRight', windowsVirtualKeyCode: 39, nativeVirtualKeyCode: 39 };
      const start = await page.evaluate(() => performance.now());
      const sent: Promise<unknown>[] = [];
      for (let i = 0; i < 90; i++) {
        sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', autoRepeat: i > 0, ...key }));
        await new Promise((done) => setTimeout(done, 33));
      }
      sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key }));
      const released = await page.evaluate(() => performance.now());
      await Promise.all(sent);
      await page.waitForTimeout(1500);
      const moves = await page.evaluate(() => {
        const w = window as unknown as { moves: number[]; watching: boolean };
        w.watching = false;
        return w.moves;
      });
      const during = [start, ...moves.filter((t) => t <= released), released];
      let longest = 0;
      for (let i = 1; i < during.length; i++) longest = Math.max(longest, during[i] - during[i - 1]);
      const counter = (await page.getByTestId('step-counter').textContent()) ?? '';
      const lastMove = moves.length ? moves[moves.length - 1] : start;
      emit({
        name: `browser/held-key-normal-${shape}`,
        nodes: drawn,
        held_ms: round(released - start),
        repeats_sent: 90,
        frames_that_moved: moves.filter((t) => t <= released).length,
        longest_still_ms: round(longest),
        settled_after_release_ms: round(Math.max(0, lastMove - released)),
        step_after: Number(/\d+/.exec(counter)?.[0] ?? 0),
      });
      await cdp.detach();
    }
  } finally {
    await page.close();
  }
}

/**
 * The same measure on a page whose key handler changes one line of text: what
 * this browser needs at least. With `animating`, a small animation runs on the
 * page, as the gradient pulse does during the backward pass: every frame then
 * keeps to the 60 Hz frame clock, as on a real display.
 */
async function latencyFloor(browser: Browser, page: Page, animating: boolean): Promise<void> {
  const animation = animating
    ? '<style>@keyframes s { to { stroke-dashoffset: 100; } } path { animation: s 1s linear infinite; }</style><svg width="200" height="20"><path d="M0,10 L200,10" stroke="red" stroke-width="4" stroke-dasharray="10 5"/></svg>'
    : '';
  await page.goto('about:blank');
  await page.setContent(`${animation}<p id="p">0</p><script>addEventListener("keydown", (e) => { p.textContent = e.key + performance.now(); });</script>`);
  const { gapMs, jitterMs } = CADENCES[0];
  await pressLatencies(browser, page, 'ArrowRight', 10, gapMs, jitterMs);
  const samples = await pressLatencies(browser, page, 'ArrowRight', STEP_SAMPLES, gapMs, jitterMs);
  emit({ name: `browser/step-latency-floor${animating ? '-animating' : ''}`, ...latencyFigures(samples) });
}

/**
 * Keypress to painted frame while stepping a tensor MLP on the normal page
 * (editor and step panel shown, 1920×1080): the two-layer network of
 * e2e/tensorPrograms.ts at MNIST's size (X 64×784, W1 784×16, W2 16×10, every
 * block a heatmap). The whole walk is stepped forward and back again, the
 * first walk included (where every heatmap and JSON attribute is made for the
 * first time; `first_walk_*` reports it alone).
 */
async function tensorStepLatency(browser: Browser, page: Page): Promise<void> {
  const program = twoLayer(64, 784, 16, 10);
  await page.goto(pageUrl(`?step=0&program=${encodeURIComponent(program)}`));
  await page.locator('[data-shape="64x784"]').waitFor({ timeout: 120_000 });
  await page.waitForTimeout(500);
  const counter = (await page.getByTestId('step-counter').textContent()) ?? '';
  const end = Number(/of (\d+)/.exec(counter)?.[1] ?? 0);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  const { gapMs, jitterMs } = CADENCES[0];
  const first = await pressLatencies(browser, page, 'ArrowRight', end, gapMs, jitterMs);
  const samples = [...first];
  for (let walk = 1; samples.length < STEP_SAMPLES; walk++) {
    samples.push(...(await pressLatencies(browser, page, walk % 2 ? 'ArrowLeft' : 'ArrowRight', end, gapMs, jitterMs)));
  }
  const firstTotals = first.map((s) => s.total).sort((a, b) => a - b);
  emit({
    name: 'browser/step-latency-tensor-mlp',
    program: 'X 64×784 @ W1 784×16 + b1, relu, @ W2 16×10 + b2, softmax_cross_entropy',
    nodes: await page.locator('[data-node-id]').count(),
    steps_per_walk: end,
    gap_ms: `${gapMs}-${gapMs + jitterMs}`,
    ...latencyFigures(samples),
    first_walk_p50_ms: percentile(firstTotals, 50),
    first_walk_max_ms: round(firstTotals[firstTotals.length - 1]),
  });
}

/** One module of the app as a script for a page of its own, its exports on `window[name]`. */
async function bundleModule(entry: string, name: string): Promise<string> {
  const result = await build({ configFile: false, logLevel: 'silent', build: { write: false, minify: true, lib: { entry: resolve(entry), formats: ['iife'], name, fileName: name } } });
  const output = Array.isArray(result) ? result[0] : result;
  if (!('output' in output)) throw new Error(`could not bundle ${entry}`);
  return output.output[0].type === 'chunk' ? output.output[0].code : '';
}

/**
 * The time to draw one 784×10 heatmap (src/ui/tensor/heatmapImage.ts, the page's
 * own code, bundled for the bench): its range, its pixels and the PNG data URL
 * the <image> shows. Every run draws a new tensor (no cache hits); `decode_ms`
 * is the browser decoding that PNG afterwards, off the step's critical path.
 */
async function heatmapDraw(page: Page): Promise<void> {
  const code = await bundleModule('src/ui/tensor/heatmapImage.ts', 'ChainstepHeatmap');
  await page.goto('about:blank');
  await page.addScriptTag({ content: code });
  const runs = await page.evaluate(async () => {
    interface HeatmapModule {
      heatmapUrl: (t: { shape: number[]; data: Float64Array }, max: number) => string;
    }
    const lib = (window as unknown as { ChainstepHeatmap: HeatmapModule }).ChainstepHeatmap;
    const draw: number[] = [];
    const decode: number[] = [];
    let bytes = 0;
    for (let r = 0; r < 45; r++) {
      const data = new Float64Array(7840);
      for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 0.37 + r) * Math.cos(i * 0.011);
      const t0 = performance.now();
      let max = 0;
      for (let i = 0; i < data.length; i++) max = Math.max(max, Math.abs(data[i]));
      const url = lib.heatmapUrl({ shape: [784, 10], data }, max);
      const t1 = performance.now();
      const img = new Image();
      img.src = url;
      await img.decode();
      const t2 = performance.now();
      if (r >= 5) {
        draw.push(t1 - t0);
        decode.push(t2 - t1);
      }
      bytes = url.length;
    }
    return { draw, decode, bytes };
  });
  const d = stats(runs.draw);
  emit({ name: 'browser/heatmap-784x10', runs: runs.draw.length, draw_ms: d.median, draw_min_ms: d.min, draw_max_ms: d.max, decode_ms: stats(runs.decode).median, data_url_bytes: runs.bytes });
}

/**
 * Digits typed at the end of the editor's first line and erased again, at a
 * typist's pace (120–200 ms apart, and 400–700 ms after every tenth key): a
 * warm-up round, then KEYSTROKE_SAMPLES keys timed from the trace.
 */
async function typeAtLineEnd(browser: Browser, page: Page, editor: ReturnType<Page['locator']>): Promise<KeyLatency[]> {
  await editor.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  const typeRound = async (count: number): Promise<KeyLatency[]> => {
    await browser.startTracing(page, { categories: ['input'] });
    for (let i = 0; i < count; i++) {
      // Five digits, then five backspaces: the program stays valid and keeps changing.
      await page.keyboard.press(i % 10 < 5 ? String((i % 9) + 1) : 'Backspace');
      // A typist's pace, and a pause to think after every ten keys (then the program is compiled and drawn).
      await page.waitForTimeout(i % 10 === 9 ? 400 + Math.random() * 300 : 120 + Math.random() * 80);
    }
    await page.waitForTimeout(600);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    return keyLatencies(trace.traceEvents);
  };
  await typeRound(10); // warm-up
  return typeRound(KEYSTROKE_SAMPLES);
}

/** Keys within a burst of typing, leaving out the first after each pause. */
function typingFigures(samples: KeyLatency[]): { typing_p50_ms: number; typing_p95_ms: number } {
  const inBurst = samples.filter((_, i) => i % 10 !== 0).map((k) => k.total).sort((a, b) => a - b);
  return { typing_p50_ms: percentile(inBurst, 50), typing_p95_ms: percentile(inBurst, 95) };
}

/**
 * The floor under keystroke-latency: the same editor (CodeMirror with the
 * page's extensions and editor.css) holding the same program, alone on a blank
 * page, with nothing listening to its changes. What the app adds per key is
 * the difference between the two.
 */
async function keystrokeFloor(browser: Browser, nodes: number): Promise<void> {
  const page = await openBenchPage(browser, { width: 1280, height: 800 });
  try {
    const program = layeredProgram(nodes);
    const script = readdirSync(join(DIST, 'assets')).find((f) => f.startsWith('editorScript') && f.endsWith('.js'));
    if (!script) throw new Error('no editorScript in dist/assets: run npm run build');
    await page.goto('about:blank');
    await page.addStyleTag({ path: resolve('src/ui/editor/editor.css') });
    await page.addScriptTag({ path: join(DIST, 'assets', script) });
    await page.evaluate(`(() => {
      const host = document.body.appendChild(document.createElement('div'));
      host.className = 'editor-host';
      host.style.width = '420px';
      chainstepEditor.createProgramEditor(host, { text: ${JSON.stringify(program)}, language: 'native', functionNames: ${JSON.stringify(callableNames())}, onChange: () => {}, onHistory: () => {}, onBlur: () => {} });
    })()`);
    const editor = page.locator('.editor-host .cm-content');
    await editor.waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500);
    const samples = await typeAtLineEnd(browser, page, editor);
    emit({ name: `browser/keystroke-floor-${nodes}`, page: 'blank page, the editor alone', program_chars: program.length, ...latencyFigures(samples), ...typingFigures(samples) });
  } finally {
    await page.close();
  }
}

/**
 * Keypress to painted frame while typing in the program editor of the normal
 * page (1280×800) with a program of about `nodes` nodes, typed as
 * typeAtLineEnd types (the end of the first line is the first input's
 * number). Every key changes a value: before compiling waited for a pause in typing, each key parsed,
 * traced and redrew the 1,000 nodes; now that happens in the pauses, where a
 * key that comes during the redraw waits for it (and is counted).
 */
async function keystrokeLatency(browser: Browser, nodes: number, served: boolean): Promise<void> {
  const page = await openBenchPage(browser, { width: 1280, height: 800 });
  const host = served ? await serveDist() : null;
  try {
    const program = layeredProgram(nodes);
    const query = `?program=${encodeURIComponent(program)}`;
    await page.goto(host ? `${host.url}${query}` : pageUrl(query));
    // Typing starts once the page has settled: the graph drawn, its layout done, CodeMirror loaded.
    await page.locator('[data-node-id]').first().waitFor({ timeout: 120_000 });
    await page.getByTestId('layout-progress').waitFor({ state: 'detached', timeout: 120_000 });
    const editor = page.locator('.editor-host .cm-content');
    await editor.waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1500);
    const samples = await typeAtLineEnd(browser, page, editor);
    const drawn = await page.locator('[data-node-id]').count();
    const text = await page.evaluate(() => localStorage.getItem('chainstep.program.v1') ?? '');
    // The first key after each pause may meet the redraw of the program compiled in that pause.
    const afterPause = samples.filter((_, i) => i % 10 === 0).map((k) => k.total);
    const p = (xs: number[], q: number) => percentile([...xs].sort((a, b) => a - b), q);
    emit({
      name: `browser/keystroke-latency-${nodes}${served ? '' : '-file'}`,
      page: served ? 'http (layout in a worker)' : 'file:// (layout on the page)',
      nodes: drawn,
      program_chars: program.length,
      gap_ms: '120-200, 400-700 after every 10th',
      text_kept: text === program,
      ...latencyFigures(samples),
      ...typingFigures(samples),
      after_pause_p50_ms: p(afterPause, 50),
      after_pause_max_ms: p(afterPause, 100),
    });
  } finally {
    await page.close();
    host?.server.close();
  }
}

const KEYSTROKE_SAMPLES = 100;

/** Pastes `text` over the whole program, as Ctrl+V does: a paste event on the editor's content. */
async function paste(page: Page, text: string): Promise<void> {
  const content = page.locator('.editor-host .cm-content');
  await content.waitFor({ timeout: 10_000 });
  await content.click();
  await page.keyboard.press('Control+a');
  await content.evaluate((el, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
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
  await paste(page, program);
  await page.getByText('more than the 3000 that can be drawn').waitFor({ timeout: 60_000 });
  await page.keyboard.press('End');
  await page.waitForTimeout(300);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
  const counter = await page.getByTestId('step-counter').textContent();
  emit({ name: 'browser/heap-10k', nodes: 10_000, step_counter: counter, used_mb: round(usage.usedSize / 2 ** 20), total_mb: round(usage.totalSize / 2 ** 20) });
}

/** The Train tab of a lesson, paused and ready, at `base` (http or file://). */
async function openTraining(page: Page, base: string, lesson: string): Promise<void> {
  await page.goto(`${base}?lesson=${lesson}`);
  await page.getByTestId('train-status').and(page.locator('[data-status="paused"]')).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(500);
}

/** Time to paint one decision boundary (the canvas of the Train tab) while moons trains: the page's own measures. */
async function boundaryRedraw(page: Page, base: string): Promise<void> {
  await openTraining(page, base, 'moons-mlp');
  await page.evaluate(() => performance.clearMeasures('chainstep:boundary-paint'));
  await page.getByTestId('train-run').click();
  await page.waitForTimeout(4000);
  await page.getByTestId('train-run').click();
  const paints = await page.evaluate(() => performance.getEntriesByName('chainstep:boundary-paint').map((e) => e.duration));
  const s = stats(paints);
  emit({ name: 'browser/train-boundary-redraw', resolution: 48, canvas_px: 320, points: 200, paints: paints.length, paint_ms: s.median, min_ms: s.min, max_ms: s.max, repaints_per_s: round(paints.length / 4) });
}

/**
 * The longest main-thread task while Fashion-MNIST trains for 5 s: as the page's
 * PerformanceObserver reports it (wall clock), and from a trace in CPU time (what
 * the page itself did, whatever else the machine was running).
 */
async function trainLongTasks(browser: Browser, base: string, suffix: string): Promise<void> {
  const page = await openBenchPage(browser, { width: 1280, height: 800 });
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    await openTraining(page, base, 'fashion-mlp');
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.getByTestId('train-run').click();
    await page.waitForTimeout(5000);
    const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEventLike[] };
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    const status = (await page.getByTestId('train-status').textContent()) ?? '';
    const iterations = Number(await page.getByTestId('train-status').getAttribute('data-iteration'));
    await page.getByTestId('train-run').click();
    const tasks = longest(mainThreadTasks(trace.traceEvents));
    emit({
      name: `browser/train-page-longtasks${suffix}`,
      lesson: 'fashion-mlp',
      seconds: 5,
      iterations,
      in_worker: status.includes('worker'),
      longtask_max_ms: round(Math.max(0, ...longTasks)),
      longtasks_over_50: longTasks.length,
      longest_task_cpu_ms: round(tasks.cpuMs),
      longest_task_wall_ms: round(tasks.wallMs),
      tasks_over_50_cpu: tasks.over50Cpu,
      load_1min: round(loadavg()[0]),
      cores: cpus().length,
    });
  } finally {
    await page.close();
  }
}

export async function benchBrowser(filter?: string): Promise<void> {
  const wanted = (name: string): boolean => !filter || name.includes(filter);
  if (!existsSync(join(DIST, 'index.html'))) execSync('npm run build', { stdio: 'ignore' });
  if (wanted('bundle')) bundleSize();
  if (!existsSync(CHROMIUM)) {
    emit({ name: 'browser/skipped', reason: `no Chromium at ${CHROMIUM}` });
    return;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await openBenchPage(browser, { width: 1920, height: 1080 });
    if (wanted('first-paint')) await firstPaint(page);
    if (wanted('step-latency-floor')) await latencyFloor(browser, page, false);
    if (wanted('step-latency-floor')) await latencyFloor(browser, page, true);
    if (wanted('step-latency-100')) await stepLatency(browser, page, 100);
    if (wanted('step-latency-1000')) await stepLatency(browser, page, 1000);
    if (wanted('step-latency-normal')) await normalStepLatency(browser);
    if (wanted('held-key-normal')) await heldKey(browser);
    if (wanted('step-latency-tensor-mlp')) await tensorStepLatency(browser, page);
    if (wanted('heatmap-784x10')) await heatmapDraw(page);
    if (wanted('keystroke-latency-1000')) await keystrokeLatency(browser, 1000, true);
    if (wanted('keystroke-latency-1000-file')) await keystrokeLatency(browser, 1000, false);
    if (wanted('keystroke-floor-1000')) await keystrokeFloor(browser, 1000);
    if (wanted('heap-10k')) await heap(page);
    if (wanted('train-')) {
      const served = await serveDist();
      try {
        if (wanted('train-boundary-redraw')) await boundaryRedraw(page, served.url);
        if (wanted('train-page-longtasks')) await trainLongTasks(browser, served.url, '');
        // From file:// the worker starts from a blob: URL and is handed the images by the page.
        if (wanted('train-page-longtasks')) await trainLongTasks(browser, pageUrl(''), '-file');
      } finally {
        await served.close();
      }
    }
  } finally {
    await browser.close();
  }
}
