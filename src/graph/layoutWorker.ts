// The layout, off the main thread. The same built file also works as a plain
// <script> (for pages opened from file://, where workers cannot start): then
// it puts layoutGraph on globalThis instead of listening for messages. While it
// works, it posts the stage it has reached: { id, stage }, then { id, layout }.
import type { DrawModel } from './drawModel';
import { layoutGraph } from './layout';

interface Request {
  id: number;
  model: DrawModel;
}

declare const WorkerGlobalScope: { new (): unknown } | undefined;

const inWorker = typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope;

if (inWorker) {
  self.onmessage = (event: MessageEvent<Request>) => {
    const { id, model } = event.data;
    const layout = layoutGraph(model, (stage) => self.postMessage({ id, stage }));
    self.postMessage({ id, layout });
  };
} else {
  (globalThis as { chainstepLayout?: typeof layoutGraph }).chainstepLayout = layoutGraph;
}
