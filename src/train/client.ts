// The page's side of training: a worker running host.ts. A page opened from
// file:// cannot start a worker from a file: address, so it starts the same
// worker from a blob: URL and hands it the image sets; only where that fails too
// does the host run in the page, in slices short enough to keep it responsive.
import type { ImageSetName } from '../engine/data/registry';
import { loadImageAsset } from '../data/loadBrowser';
import { loadDecodedAsset } from '../data/loadDecoded';
import { scriptLoader } from '../ui/scriptLoader';
import type { createTrainingHost } from './host';
import type { FromTrainer, ToTrainer } from './protocol';
import hostUrl from './hostScript.ts?worker&url';
import inlineUrl from './inlineWorkerScript.ts?worker&url';
import workerUrl from './worker.ts?worker&url';

/** The in-page host, a script of its own: only a page without a worker needs it. */
const hostScript = scriptLoader<typeof createTrainingHost>(
  hostUrl,
  () => (globalThis as { chainstepTrainerHost?: typeof createTrainingHost }).chainstepTrainerHost ?? null,
  'The trainer',
);

/** The training worker carried inline, for a page opened from file:// (a script of its own, loaded there only). */
const inlineScript = scriptLoader<() => Worker>(
  inlineUrl,
  () => (globalThis as { chainstepInlineTrainer?: () => Worker }).chainstepInlineTrainer ?? null,
  'The training worker',
);

/** Sends a worker the image set it could not load itself, as the page loaded it (undecoded: the worker decodes). */
function answerAsset(worker: Worker, name: ImageSetName): void {
  loadImageAsset(name).then(
    ({ decoded: _decoded, ...asset }) => worker.postMessage({ type: 'asset', name, asset } satisfies ToTrainer),
    (error: unknown) => worker.postMessage({ type: 'asset', name, asset: null, error: error instanceof Error ? error.message : String(error) } satisfies ToTrainer),
  );
}

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
  let disposed = false;
  const startLocal = () => {
    if (localStarted || disposed) return;
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
  /** Hooks up a started worker; `fallback` runs if it fails to start. */
  const adopt = (started: Worker, fallback: () => void) => {
    worker = started;
    started.onmessage = (event: MessageEvent<FromTrainer>) => {
      const message = event.data;
      sent.length = 0;
      if (message.type === 'needAsset') answerAsset(started, message.name);
      else deliver(message);
    };
    started.onerror = (event) => {
      event.preventDefault();
      started.terminate();
      if (worker === started) worker = null;
      fallback();
    };
  };
  /** From file:// the worker starts from a blob: URL (inlineWorkerScript.ts); failing that, the host runs in the page. */
  const startInline = () => {
    if (disposed) return;
    inlineScript.load().then(
      (create) => {
        if (disposed) return;
        let started: Worker;
        try {
          started = create();
        } catch {
          startLocal();
          return;
        }
        adopt(started, startLocal);
        for (const message of sent) started.postMessage(message);
      },
      () => startLocal(),
    );
  };
  if (typeof Worker !== 'undefined') {
    try {
      adopt(new Worker(workerUrl, { type: import.meta.env.DEV ? 'module' : 'classic' }), import.meta.env.DEV ? startLocal : startInline);
    } catch {
      worker = null;
    }
  }
  if (!worker) {
    if (typeof Worker !== 'undefined' && !import.meta.env.DEV) startInline();
    else startLocal();
  }
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
      disposed = true;
      worker?.terminate();
      local?.({ type: 'stop' });
      listeners.clear();
    },
  };
}
