// Program text of any language to the one syntax tree: the native parser for
// Chainstep's own language, the Python reader for micrograd and PyTorch (§11).
// The Python reader is registered, not imported: the page loads it as a script
// of its own when a program first needs it (it is a twentieth of the first
// download), and Node (the command line, the tests, the trainer) registers it
// at start (python/register.ts).
import type { Program, SourceLanguage } from './ast';
import { ProgramError } from './errors';
import { detectLanguage } from './language';
import { parseProgram } from './parser';

export type PythonReader = (text: string, language: Exclude<SourceLanguage, 'native'>) => Program;

let pythonReader: PythonReader | null = null;

/** Makes Python programs readable (null takes the reader away again, for tests). */
export function setPythonReader(reader: PythonReader | null): void {
  pythonReader = reader;
}

export const hasPythonReader = (): boolean => pythonReader !== null;

/** Throws ProgramError `readerNotLoaded` for a Python program before the reader is registered. */
export function parseSource(text: string): Program {
  const language = detectLanguage(text);
  if (language === 'native') return parseProgram(text);
  if (!pythonReader) throw new ProgramError('readerNotLoaded', { line: 1, col: 1 }, 'the Python reader is not loaded yet', {});
  return pythonReader(text, language);
}
