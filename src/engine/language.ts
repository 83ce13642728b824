// Which reader a program text is for: the native language (§1, §9) or Python
// as students write it with micrograd or PyTorch (§11). Native programs never
// contain a string, an attribute access or a method call, so any of those
// (outside comments) marks Python.
import type { SourceLanguage } from './ast';

/** The text without `#` comments (a `#` inside a Python string is rare enough to ignore here). */
function withoutComments(text: string): string {
  return text.replace(/#[^\n]*/g, '');
}

const PYTHON_ONLY: readonly RegExp[] = [
  /^\s*(def|class)\s+[\p{L}_]/mu,
  /^\s*(for|while|if|elif|else|with|try|except)\b[^\n]*:\s*$/mu,
  /\bfor\s+[\p{L}_][\p{L}\p{N}_]*(\s*,\s*[\p{L}_][\p{L}\p{N}_]*)*\s+in\b/u,
  /^\s*(return|assert|pass|raise)\b(?!\s*[-+*/]?=)/mu, // not `pass = 3`, a native name
  /\blambda\b[^\n]*:/u,
  /\b(MLP|Neuron|Layer)\s*\(/u,
];

export function detectLanguage(text: string): SourceLanguage {
  const code = withoutComments(text);
  if (/\btorch\s*\./.test(code) || /^\s*(import|from)\s+torch\b/m.test(code)) return 'pytorch';
  if (/\bValue\s*\(/.test(code) || /^\s*(import|from)\s+micrograd\b/m.test(code)) return 'micrograd';
  // Any other Python: imports, strings, attribute access or method calls (`L.backward()`, `a.label = 'a'`).
  if (/^\s*(import|from)\s/m.test(code) || /['"]/.test(code) || /[\p{L}_)\]]\s*\.\s*[\p{L}_]/u.test(code)) return 'micrograd';
  // Python the reader refuses with a message of its own: blocks, loops, comprehensions, micrograd.nn's classes.
  if (PYTHON_ONLY.some((pattern) => pattern.test(code))) return 'micrograd';
  return 'native';
}
