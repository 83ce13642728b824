// The same loader inside a Web Worker (where the training will run): it loads
// an image set with importScripts and posts back a summary.
import { loadDataset } from '../../src/data/loadBrowser';
import type { DataError } from '../../src/data/dataset';

self.onmessage = async (event: MessageEvent<{ name: string }>) => {
  try {
    const d = await loadDataset(event.data.name);
    self.postMessage({ ok: true, rows: d.train.rows, testRows: d.test.rows, features: d.features, first: Array.from(d.train.x.slice(0, 800)) });
  } catch (error) {
    self.postMessage({ ok: false, key: (error as DataError).problem?.key, message: String(error) });
  }
};
