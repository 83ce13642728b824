// Runs layoutGraph in a Web Worker when there is one (the browser), and on
// the calling thread otherwise (unit tests).
import type { DrawModel } from './drawModel';
import { layoutGraph, type Layout } from './layout';

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (layout: Layout) => void>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; layout: Layout }>) => {
      waiting.get(event.data.id)?.(event.data.layout);
      waiting.delete(event.data.id);
    };
  }
  return worker;
}

export function layoutInWorker(model: DrawModel): Promise<Layout> {
  if (typeof Worker === 'undefined') return Promise.resolve(layoutGraph(model));
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    getWorker().postMessage({ id, model });
  });
}
