// The training worker: the host of host.ts behind postMessage. Image sets are
// loaded with importScripts, as the page loads them with a <script> tag.
import { loadImageAsset } from '../data/loadBrowser';
import { createTrainingHost } from './host';
import type { FromTrainer, ToTrainer } from './protocol';

const handle = createTrainingHost({
  post: (message: FromTrainer) => self.postMessage(message),
  loadAsset: loadImageAsset,
  sliceMs: 40,
});
self.onmessage = (event: MessageEvent<ToTrainer>) => handle(event.data);
