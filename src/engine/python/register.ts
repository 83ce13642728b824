// The Python reader, registered: for Node (the command line, the tests, the
// trainer's worker) and for the page's own script of it (pythonScript.ts).
import { setPythonReader } from '../source';
import { readPython } from './index';

setPythonReader(readPython);
