// Lays out big graphs off the main thread, so the page never freezes.
import type { DrawModel } from './drawModel';
import { layoutGraph } from './layout';

interface Request {
  id: number;
  model: DrawModel;
}

self.onmessage = (event: MessageEvent<Request>) => {
  const { id, model } = event.data;
  self.postMessage({ id, layout: layoutGraph(model) });
};
