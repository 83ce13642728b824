// Runs layoutGraph in a Web Worker when the page can start one, and on the
// calling thread otherwise (unit tests, pages opened from file://).
import type { DrawModel } from './drawModel';
import { layoutGraph, type Layout } from './layout';

interface Pending {
  model: DrawModel;
  resolve: (layout: Layout) => void;
}

let worker: Worker | null = null;
let broken = false;
let nextId = 1;
const waiting = new Map<number, Pending>();

/** The worker failed (blocked or crashed): finish everything waiting on this thread. */
function fallBack(): void {
  broken = true;
  worker?.terminate();
  worker = null;
  for (const [id, job] of waiting) {
    waiting.delete(id);
    job.resolve(layoutGraph(job.model));
  }
}

function getWorker(): Worker | null {
  if (broken || typeof Worker === 'undefined') return null;
  if (!worker) {
    try {
      worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
    } catch {
      broken = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<{ id: number; layout: Layout }>) => {
      waiting.get(event.data.id)?.resolve(event.data.layout);
      waiting.delete(event.data.id);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
  }
  return worker;
}

export function layoutInWorker(model: DrawModel): Promise<Layout> {
  const w = getWorker();
  if (!w) return Promise.resolve(layoutGraph(model));
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, { model, resolve });
    w.postMessage({ id, model });
  });
}
