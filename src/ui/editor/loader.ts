// Loads the CodeMirror editor (editorScript.ts) as a script of its own.
import { scriptLoader } from '../scriptLoader';
import type { EditorModule } from './types';
import editorUrl from './editorScript.ts?worker&url';

export const editorScript = scriptLoader<EditorModule>(
  editorUrl,
  () => (globalThis as { chainstepEditor?: EditorModule }).chainstepEditor ?? null,
  'The editor',
);
