// Program text of any language to the one syntax tree: the native parser for
// Chainstep's own language, the Python reader for micrograd and PyTorch (§11).
import type { Program } from './ast';
import { detectLanguage } from './language';
import { parseProgram } from './parser';
import { readPython } from './python';

export function parseSource(text: string): Program {
  const language = detectLanguage(text);
  return language === 'native' ? parseProgram(text) : readPython(text, language);
}
