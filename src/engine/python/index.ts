// The Python reader (CONTRACTS §11): micrograd and PyTorch code as students
// write it, read into the same syntax tree as the native language.
import type { Program, SourceLanguage } from '../ast';
import { ProgramError } from '../errors';
import { MAX_PROGRAM_CHARS } from '../limits';
import { positionOf } from '../parser';
import { parsePython } from './parser';
import { translate } from './translate';

/** Reads a micrograd or PyTorch program. Throws ProgramError with a line and column in the Python text. */
export function readPython(text: string, language: Exclude<SourceLanguage, 'native'>): Program {
  if (text.length > MAX_PROGRAM_CHARS) {
    throw new ProgramError('tooLong', positionOf(text, MAX_PROGRAM_CHARS), `the program is longer than ${MAX_PROGRAM_CHARS} characters`, {
      max: MAX_PROGRAM_CHARS,
    });
  }
  return translate(parsePython(text), language);
}
