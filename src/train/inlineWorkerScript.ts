// Built as its own classic script (see client.ts), loaded only by a page opened
// from file://, where a worker cannot start from a file: address. It carries the
// training worker inline and starts it from a blob: URL, which that page may do.
import TrainerWorker from './blobWorker.ts?worker&inline';

(globalThis as { chainstepInlineTrainer?: () => Worker }).chainstepInlineTrainer = () => new TrainerWorker();
