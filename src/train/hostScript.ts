// Built as its own classic script (see client.ts): the training host for a page
// that cannot start a worker (opened from file://). The worker has its own copy;
// a page that has a worker never loads this one.
import { createTrainingHost } from './host';
// The trainer compiles the program itself, Python programs too.
import '../engine/python/register';

(globalThis as { chainstepTrainerHost?: typeof createTrainingHost }).chainstepTrainerHost = createTrainingHost;
