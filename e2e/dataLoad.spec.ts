// The image sets load lazily in a built page: from a static host's sub-path,
// from file://, and inside a Web Worker; a failed load is a message, not a
// crash. e2e/data-page is a small page built with the app's own Vite config.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import { DIGITS } from '../src/engine/data/assets/digits';
import { FASHION } from '../src/engine/data/assets/fashion';
import { loadDataset } from '../src/data/loadNode';
import type { Summary } from './data-page/main';
import { expect, test } from './fixtures';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(tmpdir(), `chainstep-data-page-${process.env.CHAINSTEP_PORT ?? 4173}`);
const PREFIX = '/course/notes/chainstep/';

let server: Server;
let base = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'e2e/data-page'), logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true } });
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.startsWith(PREFIX) ? join(OUT, path.slice(PREFIX.length) || 'index.html') : '';
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(OUT, { recursive: true, force: true });
});

const load = (page: Page, name: string, options: Record<string, number> = {}) =>
  page.evaluate(([n, o]) => (window as unknown as { loadData: (n: string, o: object) => Promise<Summary> }).loadData(n, o), [name, options] as const);

async function expected(name: string) {
  const d = await loadDataset(name);
  return { ok: true, rows: d.train.rows, testRows: d.test.rows, features: d.features, first: Array.from(d.train.x.slice(0, 800)) };
}

test('the images are separate scripts, not in the first download', () => {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  const entry = /<script defer src="\.\/(assets\/[^"]+)"/.exec(html)![1];
  const sample = FASHION.train.pixels.slice(5000, 5060);
  expect(readFileSync(join(OUT, entry), 'utf8').includes(sample), 'image data in the first download').toBe(false);
  // Smaller than the smallest image set (the digits, 77 KB): no images were bundled in.
  expect(statSync(join(OUT, entry)).size).toBeLessThan(75_000);
  const fashion = readdirSync(join(OUT, 'assets')).find((f) => f.startsWith('fashionScript'))!;
  expect(readFileSync(join(OUT, 'assets', fashion), 'utf8').includes(sample), 'the images in their own script').toBe(true);
});

test("the app's own first download holds no image data (dist/, built for these tests)", () => {
  const dist = join(ROOT, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script defer src="\.\/(assets\/[^"]+)"/.exec(html)![1];
  const js = readFileSync(join(dist, entry), 'utf8');
  expect(js.includes(FASHION.train.pixels.slice(5000, 5060)), 'Fashion-MNIST in the first download').toBe(false);
  expect(js.includes(DIGITS.train.pixels.slice(5000, 5060)), 'digits in the first download').toBe(false);
});

test('from a static host sub-path, each image set is fetched once, when first named', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${base}index.html`);
  await expect(page.getByRole('status')).toHaveText('ready');
  expect(fetched.filter((p) => /Script/.test(p))).toEqual([]);
  const moons = await load(page, 'moons');
  expect(moons).toMatchObject({ ok: true, rows: 160, testRows: 40 });
  expect(fetched.filter((p) => /Script/.test(p))).toEqual([]);
  expect(await load(page, 'digits')).toEqual({ ...(await expected('digits')), labels: expect.any(Array) });
  expect(await load(page, 'fashion')).toEqual({ ...(await expected('fashion')), labels: expect.any(Array) });
  await load(page, 'fashion', { n: 100 });
  const scripts = fetched.filter((p) => /Script/.test(p));
  expect(scripts.length).toBe(2);
  expect(scripts.every((p) => p.startsWith(`${PREFIX}assets/`))).toBe(true);
});

test('from file://, where fetch() and module scripts are refused', async ({ page }) => {
  await page.goto(`file://${join(OUT, 'index.html')}`);
  await expect(page.getByRole('status')).toHaveText('ready');
  expect(await load(page, 'fashion')).toMatchObject({ ok: true, rows: 3000, testRows: 500, features: 784 });
  expect((await load(page, 'digits', { n: 20 })).rows).toBe(20);
});

test('inside a Web Worker, with importScripts', async ({ page }) => {
  await page.goto(`${base}index.html`);
  const summary = await page.evaluate(() => (window as unknown as { loadInWorker: (n: string) => Promise<Summary> }).loadInWorker('fashion'));
  expect(summary).toEqual(await expected('fashion'));
});

test('a data set that fails to load shows "did not load", and loads when tried again', async ({ page, pageErrors }) => {
  await page.goto(`${base}index.html`);
  await page.route('**/fashionScript-*.js', (route) => route.abort());
  expect(await load(page, 'fashion')).toEqual({ ok: false, key: 'data.loadFailed' });
  await expect(page.getByRole('alert')).toHaveText("The data set 'fashion' did not load. Reload the page to try again; your program is kept.");
  await page.unroute('**/fashionScript-*.js');
  expect(await load(page, 'fashion')).toMatchObject({ ok: true, rows: 3000 });
  await expect(page.getByRole('alert')).toHaveText('');
  // The refused request is the one console error; anything else still fails the test.
  const refused = pageErrors.filter((e) => /Failed to load resource: net::ERR_FAILED/.test(e));
  expect(refused.length).toBe(1);
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !refused.includes(e)));
});
