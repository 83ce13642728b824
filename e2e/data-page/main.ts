// Drives src/data/loadBrowser.ts for e2e/dataLoad.spec.ts: window.loadData(name, options)
// loads a data set and reports a summary; a failure is shown as the page would show it.
import { loadDataset } from '../../src/data/loadBrowser';
import type { DataError } from '../../src/data/dataset';
import { en, type MessageKey } from '../../src/i18n/en';
import workerUrl from './worker.ts?worker&url';

export interface Summary {
  ok: boolean;
  key?: string;
  rows?: number;
  testRows?: number;
  features?: number;
  first?: number[];
  labels?: number[];
}

/** The English message (this page needs no other language, and so carries no other catalogue). */
const t = (_locale: 'en', key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string =>
  en[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

const status = document.getElementById('status')!;
const problem = document.getElementById('problem')!;

async function loadData(name: string, options: Record<string, number> = {}): Promise<Summary> {
  status.textContent = t('en', 'data.loading', { name });
  problem.textContent = '';
  try {
    const d = await loadDataset(name, options);
    status.textContent = `${name}: ${d.train.rows} + ${d.test.rows} rows`;
    return { ok: true, rows: d.train.rows, testRows: d.test.rows, features: d.features, first: Array.from(d.train.x.slice(0, 800)), labels: Array.from(d.train.labels?.slice(0, 10) ?? []) };
  } catch (error) {
    const p = (error as DataError).problem;
    status.textContent = 'failed';
    problem.textContent = p ? t('en', p.key as MessageKey, p.params) : String(error);
    return { ok: false, key: p?.key };
  }
}

/** The same in a Web Worker (not from file://, where workers cannot start). */
function loadInWorker(name: string): Promise<Summary> {
  const worker = new Worker(workerUrl, { type: import.meta.env.DEV ? 'module' : 'classic' });
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<Summary>) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.postMessage({ name });
  });
}

Object.assign(window, { loadData, loadInWorker });
status.textContent = 'ready';
