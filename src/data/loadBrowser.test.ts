// @vitest-environment jsdom
// The loader's logic in a page: jsdom does not fetch scripts, so each test
// plays the browser's part when the loader appends its <script>.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DIGITS } from '../engine/data/assets/digits';
import type { DataError } from './dataset';
import type { DataGlobal } from './publish';

type Outcome = 'publish' | 'fail' | 'silent';

let outcomes: Outcome[] = [];
let appended: HTMLScriptElement[] = [];

beforeEach(() => {
  vi.resetModules(); // a fresh loader (and its cache) per test
  delete (globalThis as DataGlobal).chainstepData;
  document.head.replaceChildren();
  outcomes = [];
  appended = [];
  const original = document.head.appendChild.bind(document.head);
  vi.spyOn(document.head, 'appendChild').mockImplementation(<T extends Node>(node: T): T => {
    const script = node as unknown as HTMLScriptElement;
    appended.push(script);
    original(node);
    const outcome = outcomes.shift() ?? 'fail';
    queueMicrotask(async () => {
      if (outcome === 'fail') script.onerror?.(new Event('error'));
      else {
        if (outcome === 'publish') (await import('./publish')).publishAsset(DIGITS);
        script.onload?.(new Event('load'));
      }
    });
    return node;
  });
});

afterEach(() => vi.restoreAllMocks());

describe('loadDataset in the page', () => {
  it('injects the digits script once, and makes the data set from what it publishes', async () => {
    const { loadDataset } = await import('./loadBrowser');
    outcomes = ['publish'];
    const [a, b] = await Promise.all([loadDataset('digits', { n: 100 }), loadDataset('digits')]);
    expect(appended.length).toBe(1);
    expect(appended[0].src).toMatch(/digitsScript/);
    expect([a.train.rows, b.train.rows, a.imageShape]).toEqual([100, 1497, [8, 8]]);
    await loadDataset('digits');
    expect(appended.length).toBe(1);
  });

  it('a script that fails to load gives "did not load", and a later call tries again', async () => {
    const { loadDataset } = await import('./loadBrowser');
    outcomes = ['fail', 'publish'];
    const error = (await loadDataset('digits').catch((e: unknown) => e)) as DataError;
    expect(error.problem).toMatchObject({ key: 'data.loadFailed', params: { name: 'digits' } });
    expect(error.message).toMatch(/^the data set 'digits' did not load/);
    expect(document.querySelectorAll('script').length).toBe(0); // the failed tag is removed
    expect((await loadDataset('digits')).train.rows).toBe(1497);
    expect(appended.length).toBe(2);
  });

  it('a script that runs without publishing its images is a failed load too', async () => {
    const { loadImageAsset } = await import('./loadBrowser');
    outcomes = ['silent'];
    await expect(loadImageAsset('fashion')).rejects.toMatchObject({ problem: { key: 'data.loadFailed', params: { name: 'fashion' } } });
  });

  it('point sets need no script', async () => {
    const { loadDataset } = await import('./loadBrowser');
    expect((await loadDataset('spiral', { classes: 3 })).classes).toBe(3);
    expect(appended.length).toBe(0);
  });
});
