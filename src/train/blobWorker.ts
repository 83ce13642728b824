// The training worker started from a blob: URL (inlineWorkerScript.ts), in a
// page opened from file://. It has no address to find the image sets' scripts
// from, and may not import file:// scripts anyway: the page hands it the sets.
import { serveTrainer } from './serveTrainer';

serveTrainer(null);
