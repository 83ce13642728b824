// The page's side of training: a worker running host.ts, or — where no worker
// can start (a page opened from file://) — the same host in the page, in slices
// short enough to keep the page responsive.
import { loadDecodedAsset } from '../data/loadDecoded';
import { scriptLoader } from '../ui/scriptLoader';
import type { createTrainingHost } from './host';
import type { FromTrainer, ToTrainer } from './protocol';
import hostUrl from './hostScript.ts?worker&url';
import workerUrl from './worker.ts?worker&url';

/** The in-page host, a script of its own: only a page without a worker needs it. */
const hostScript = scriptLoader<typeof createTrainingHost>(
  hostUrl,
  () => (globalThis as { chainstepTrainerHost?: typeof createTrainingHost }).chainstepTrainerHost ?? null,
  'The trainer',
);

export interface TrainerClient {
  send(message: ToTrainer): void;
  /** Hears every message from the trainer; returns the function that stops listening. */
  listen(listener: (message: FromTrainer) => void): () => void;
  /** Whether the work runs off the main thread. */
  readonly inWorker: boolean;
  dispose(): void;
}

export function createTrainerClient(): TrainerClient {
  const listeners = new Set<(message: FromTrainer) => void>();
  const deliver = (message: FromTrainer) => listeners.forEach((l) => l(message));
  let worker: Worker | null = null;
  let local: ((message: ToTrainer) => void) | null = null;
  const sent: ToTrainer[] = [];
  let localStarted = false;
  const startLocal = () => {
    if (localStarted) return;
    localStarted = true;
    hostScript.load().then(
      (createTrainingHost) => {
        // In the page the images are decoded in slices, and shared with the page's own compile.
        const host = createTrainingHost({ post: deliver, loadAsset: loadDecodedAsset, sliceMs: 8 });
        local = host;
        // Replay what the worker never answered, and what came while the host loaded.
        for (const message of sent.splice(0)) host(message);
      },
      (error: Error) => deliver({ type: 'error', message: error.message, line: null, col: null }),
    );
  };
  if (typeof Worker !== 'undefined') {
    try {
      worker = new Worker(workerUrl, { type: import.meta.env.DEV ? 'module' : 'classic' });
      worker.onmessage = (event: MessageEvent<FromTrainer>) => {
        sent.length = 0;
        deliver(event.data);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        worker?.terminate();
        worker = null;
        startLocal();
      };
    } catch {
      worker = null;
    }
  }
  if (!worker) startLocal();
  return {
    send(message) {
      if (worker) {
        // Kept until the worker first answers, in case it turns out not to start.
        if (sent.length < 64) sent.push(message);
        worker.postMessage(message);
      } else if (local) local(message);
      else sent.push(message);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get inWorker() {
      return worker !== null;
    },
    dispose() {
      worker?.terminate();
      local?.({ type: 'stop' });
      listeners.clear();
    },
  };
}
