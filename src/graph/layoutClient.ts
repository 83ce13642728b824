// Lays out graphs off the main thread, so d3-dag is neither in the first
// download nor on the main thread. A page opened from file:// cannot start a
// worker from a file: address: it loads a script carrying the same worker
// inline and starts it from a blob: URL. Only where that fails too is the
// layout script loaded with a <script> tag and run on the page.
import type { DrawModel } from './drawModel';
import type { Layout } from './layout';
import type { LayoutStage } from './layoutStages';
import inlineUrl from './inlineLayoutScript.ts?worker&url';
import workerUrl from './layoutWorker.ts?worker&url';

type LayoutFn = (model: DrawModel, onStage?: (stage: LayoutStage) => void) => Layout;

interface Pending {
  model: DrawModel;
  resolve: (layout: Layout) => void;
  onStage?: (stage: LayoutStage) => void;
}

let worker: Worker | null = null;
/** The worker from the script's address cannot run here. */
let broken = false;
/** Nor the one from a blob: URL: the page lays out itself. */
let inlineBroken = false;
let inlineWorker: Promise<Worker | null> | null = null;
let nextId = 1;
const waiting = new Map<number, Pending>();
let scriptLayout: Promise<LayoutFn> | null = null;

/** Loads a classic script once; `read` finds what it defined on globalThis. */
function loadScript<T>(url: string, read: () => T | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const found = read();
    if (found) return resolve(found);
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => {
      const value = read();
      if (value) resolve(value);
      else reject(new Error(`${url} did not load`));
    };
    script.onerror = () => reject(new Error(`${url} did not load`));
    document.head.appendChild(script);
  });
}

/** Loads the layout script into the page itself (the last fallback). */
function loadScriptLayout(): Promise<LayoutFn> {
  scriptLayout ??= loadScript(workerUrl, () => (globalThis as { chainstepLayout?: LayoutFn }).chainstepLayout);
  return scriptLayout;
}

/** The layout worker started from a blob: URL (inlineLayoutScript.ts), or null where that cannot start either. */
function getInlineWorker(): Promise<Worker | null> {
  inlineWorker ??= loadScript(inlineUrl, () => (globalThis as { chainstepInlineLayout?: () => Worker }).chainstepInlineLayout).then(
    (create) => {
      try {
        return listen(create(), () => {
          inlineBroken = true;
        });
      } catch {
        inlineBroken = true;
        return null;
      }
    },
    () => {
      inlineBroken = true;
      return null;
    },
  );
  return inlineWorker;
}

/** Sends `jobs` to the blob: worker, or lays them out on the page where it cannot run. */
function sendInline(jobs: readonly (Pending & { id: number })[]): void {
  if (inlineBroken) {
    void loadScriptLayout().then((layout) => jobs.forEach((job) => job.resolve(layout(job.model, job.onStage))));
    return;
  }
  void getInlineWorker().then((w) => {
    if (!w) return sendInline(jobs);
    for (const job of jobs) {
      waiting.set(job.id, job);
      w.postMessage({ id: job.id, model: job.model });
    }
  });
}

/** Hears a layout worker's stages and layouts; on an error its jobs are sent on (`failed` first marks it broken). */
function listen(w: Worker, failed: () => void): Worker {
  w.onmessage = (event: MessageEvent<{ id: number; layout?: Layout; stage?: LayoutStage }>) => {
    const { id, layout, stage } = event.data;
    const job = waiting.get(id);
    if (stage) job?.onStage?.(stage);
    if (!layout) return;
    job?.resolve(layout);
    waiting.delete(id);
  };
  w.onerror = (event) => {
    event.preventDefault();
    w.terminate();
    failed();
    const jobs = [...waiting].map(([id, job]) => ({ ...job, id }));
    waiting.clear();
    sendInline(jobs);
  };
  return w;
}

function getWorker(): Worker | null {
  if (broken || typeof Worker === 'undefined') return null;
  if (!worker) {
    try {
      worker = listen(new Worker(workerUrl, { type: import.meta.env.DEV ? 'module' : 'classic' }), () => {
        broken = true;
        worker = null;
      });
    } catch {
      broken = true;
      return null;
    }
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
  const id = nextId++;
  return new Promise((resolve) => {
    if (!w) return sendInline([{ id, model, resolve, onStage }]);
    waiting.set(id, { model, resolve, onStage });
    w.postMessage({ id, model });
  });
}
