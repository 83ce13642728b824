// Loads the Python reader (engine/python/pythonScript.ts) as a script of its
// own when the page first meets a Python program, and registers it.
import { sameRealmError } from '../engine/errors';
import { setPythonReader, type PythonReader } from '../engine/source';
import pythonUrl from '../engine/python/pythonScript.ts?worker&url';
import { scriptLoader } from '../ui/scriptLoader';

const pythonScript = scriptLoader<PythonReader>(pythonUrl, () => (globalThis as { chainstepPython?: PythonReader }).chainstepPython ?? null, 'The Python reader');

/** The script's reader, its errors made this page's ProgramError (the script has its own copy of the class). */
export function adoptReader(read: PythonReader): PythonReader {
  return (text, language) => {
    try {
      return read(text, language);
    } catch (err) {
      throw sameRealmError(err);
    }
  };
}

export const loadPythonReader = (): Promise<void> => pythonScript.load().then((read) => setPythonReader(adoptReader(read)));
