import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile } from '../engine';
import { toDrawModel } from './drawModel';
import { layoutGraph } from './layout';

const model = toDrawModel(compile('x = 3\nf = x * x').graph);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
  delete (globalThis as { chainstepLayout?: unknown }).chainstepLayout;
  delete (globalThis as { chainstepInlineLayout?: unknown }).chainstepInlineLayout;
});

/** A worker that answers each model with its layout, recording what it was sent. */
function answeringWorker(posted: unknown[]) {
  return class {
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onerror: unknown = null;
    postMessage(data: { id: number; model: typeof model }): void {
      posted.push(data);
      queueMicrotask(() => this.onmessage?.({ data: { id: data.id, layout: layoutGraph(data.model) } }));
    }
    terminate(): void {}
  };
}

describe('layoutInWorker', () => {
  it('without workers, uses the layout script (here already loaded)', async () => {
    // Outside a worker, layoutWorker.ts puts layoutGraph on globalThis instead of listening.
    await import('./layoutWorker');
    const { layoutInWorker } = await import('./layoutClient');
    expect(await layoutInWorker(model)).toEqual(layoutGraph(model));
  });

  it('posts the model to a worker and resolves with its answer, matched by id', async () => {
    const posted: unknown[] = [];
    vi.stubGlobal('Worker', answeringWorker(posted));
    const { layoutInWorker } = await import('./layoutClient');
    const other = toDrawModel(compile('x = 3\ny = 2\nf = x * y + x').graph);
    const [a, b] = await Promise.all([layoutInWorker(model), layoutInWorker(other)]);
    expect(posted).toHaveLength(2);
    expect(a).toEqual(layoutGraph(model));
    expect(b).toEqual(layoutGraph(other));
  });

  it('a program of the same shape with other numbers, names or ops is not laid out again', async () => {
    const posted: unknown[] = [];
    vi.stubGlobal('Worker', answeringWorker(posted));
    const { layoutInWorker, shapeKey } = await import('./layoutClient');
    const typed = toDrawModel(compile('x = 3.5\nf = x + x').graph);
    expect(shapeKey(typed)).toBe(shapeKey(model));
    const first = await layoutInWorker(model);
    expect(await layoutInWorker(typed)).toBe(first);
    expect(posted).toHaveLength(1);
    // Another shape is laid out; going back to the first shape lays it out again (one layout is kept).
    const bigger = toDrawModel(compile('x = 3\ny = x * x\nf = y * x').graph);
    expect(shapeKey(bigger)).not.toBe(shapeKey(model));
    expect(await layoutInWorker(bigger)).toEqual(layoutGraph(bigger));
    expect(posted).toHaveLength(2);
  });

  it('passes the stages the worker reports to onStage, then resolves with the layout', async () => {
    class FakeWorker {
      onmessage: ((event: { data: unknown }) => void) | null = null;
      onerror: unknown = null;
      postMessage(data: { id: number; model: typeof model }): void {
        queueMicrotask(() => {
          const layout = layoutGraph(data.model, (stage) => this.onmessage?.({ data: { id: data.id, stage } }));
          this.onmessage?.({ data: { id: data.id, layout } });
        });
      }
      terminate(): void {}
    }
    vi.stubGlobal('Worker', FakeWorker);
    const { layoutInWorker } = await import('./layoutClient');
    const stages: string[] = [];
    const layout = await layoutInWorker(model, (stage) => stages.push(stage));
    expect(stages).toEqual(['layers', 'order', 'coordinates']);
    expect(layout).toEqual(layoutGraph(model));
  });

  it('where a worker cannot start from its address (a page from file://), the layout runs in the worker carried inline', async () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new DOMException('file: address', 'SecurityError');
        }
      },
    );
    const posted: unknown[] = [];
    const Inline = answeringWorker(posted);
    let started = 0;
    (globalThis as { chainstepInlineLayout?: () => unknown }).chainstepInlineLayout = () => {
      started++;
      return new Inline();
    };
    const { layoutInWorker } = await import('./layoutClient');
    const other = toDrawModel(compile('x = 3\ny = 2\nf = x * y + x').graph);
    expect(await layoutInWorker(model)).toEqual(layoutGraph(model));
    expect(await layoutInWorker(other)).toEqual(layoutGraph(other));
    expect(started).toBe(1); // one worker for every layout
    expect(posted).toHaveLength(2);
    expect((globalThis as { chainstepLayout?: unknown }).chainstepLayout).toBeUndefined(); // nothing ran on the page
  });

  it('where the inline worker fails too, the page lays out with the layout script', async () => {
    vi.stubGlobal('Worker', undefined);
    class Failing {
      onmessage: unknown = null;
      onerror: ((event: { preventDefault(): void }) => void) | null = null;
      postMessage(): void {
        queueMicrotask(() => this.onerror?.({ preventDefault() {} }));
      }
      terminate(): void {}
    }
    (globalThis as { chainstepInlineLayout?: () => unknown }).chainstepInlineLayout = () => new Failing();
    await import('./layoutWorker');
    const { layoutInWorker } = await import('./layoutClient');
    expect(await layoutInWorker(model)).toEqual(layoutGraph(model));
  });
});
