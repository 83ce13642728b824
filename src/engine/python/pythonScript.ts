// Built as its own classic script (src/tools/pythonLoader.ts): the Python
// reader, loaded when the page first meets a Python program.
import type { PythonReader } from '../source';
import { readPython } from './index';

(globalThis as { chainstepPython?: PythonReader }).chainstepPython = readPython;
