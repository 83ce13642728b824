// Lays out graphs off the main thread, so d3-dag is neither in the first
// download nor on the main thread. Where a worker cannot start (pages opened
// from file://), the same script is loaded with a <script> tag instead.
import type { DrawModel } from './drawModel';
import type { Layout } from './layout';
import type { LayoutStage } from './layoutStages';
import workerUrl from './layoutWorker.ts?worker&url';

type LayoutFn = (model: DrawModel, onStage?: (stage: LayoutStage) => void) => Layout;

interface Pending {
  model: DrawModel;
  resolve: (layout: Layout) => void;
  onStage?: (stage: LayoutStage) => void;
}

let worker: Worker | null = null;
let broken = false;
let nextId = 1;
const waiting = new Map<number, Pending>();
let scriptLayout: Promise<LayoutFn> | null = null;

/** Loads the layout script into the page itself (the fallback). */
function loadScriptLayout(): Promise<LayoutFn> {
  scriptLayout ??= new Promise<LayoutFn>((resolve, reject) => {
    const found = (globalThis as { chainstepLayout?: LayoutFn }).chainstepLayout;
    if (found) return resolve(found);
    const script = document.createElement('script');
    script.src = workerUrl;
    script.onload = () => {
      const fn = (globalThis as { chainstepLayout?: LayoutFn }).chainstepLayout;
      if (fn) resolve(fn);
      else reject(new Error('layout script did not load'));
    };
    script.onerror = () => reject(new Error('layout script did not load'));
    document.head.appendChild(script);
  });
  return scriptLayout;
}

function fallBack(): void {
  broken = true;
  worker?.terminate();
  worker = null;
  const jobs = [...waiting.values()];
  waiting.clear();
  void loadScriptLayout().then((layout) => jobs.forEach((job) => job.resolve(layout(job.model, job.onStage))));
}

function getWorker(): Worker | null {
  if (broken || typeof Worker === 'undefined') return null;
  if (!worker) {
    try {
      worker = new Worker(workerUrl, { type: import.meta.env.DEV ? 'module' : 'classic' });
    } catch {
      broken = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<{ id: number; layout?: Layout; stage?: LayoutStage }>) => {
      const { id, layout, stage } = event.data;
      const job = waiting.get(id);
      if (stage) job?.onStage?.(stage);
      if (!layout) return;
      job?.resolve(layout);
      waiting.delete(id);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
  }
  return worker;
}

/** What a layout depends on: each node's box and the edges (not names, ops or values). */
export function shapeKey(model: DrawModel): string {
  return `${model.nodes.map((n) => `${n.width},${n.height}`).join(';')}|${model.edges.map(([from, to]) => `${from}>${to}`).join(';')}`;
}

/** The last layout asked for. A program whose numbers change (a value typed, trained values) has the same shape: its layout is reused. */
let last: { key: string; layout: Promise<Layout> } | null = null;

/** Lays `model` out; `onStage` hears each stage as the worker begins it. */
export function layoutInWorker(model: DrawModel, onStage?: (stage: LayoutStage) => void): Promise<Layout> {
  const key = shapeKey(model);
  if (last?.key === key) return last.layout;
  const layout = startLayout(model, onStage);
  last = { key, layout };
  return layout;
}

function startLayout(model: DrawModel, onStage?: (stage: LayoutStage) => void): Promise<Layout> {
  const w = getWorker();
  if (!w) return loadScriptLayout().then((layout) => layout(model, onStage));
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, { model, resolve, onStage });
    w.postMessage({ id, model });
  });
}
