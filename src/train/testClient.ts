// A TrainerClient for tests: the training host in the same thread, with the
// image sets read from the repository (as the command line reads them).
import { loadImageAsset } from '../data/loadNode';
import type { TrainerClient } from './client';
import { createTrainingHost } from './host';
import type { FromTrainer } from './protocol';

export function inProcessClient(): TrainerClient {
  const listeners = new Set<(message: FromTrainer) => void>();
  const handle = createTrainingHost({ post: (m) => listeners.forEach((l) => l(m)), loadAsset: loadImageAsset, sliceMs: 5, reportMs: 20 });
  return {
    send: (message) => handle(message),
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    inWorker: false,
    dispose: () => handle({ type: 'stop' }),
  };
}
