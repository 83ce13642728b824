// Built as its own classic script (see loader.ts), like KaTeX's: CodeMirror is
// not part of the page's first download, and the page draws its graph first.
import { createProgramEditor, textOf } from './codemirror';
import type { EditorModule } from './types';

(globalThis as { chainstepEditor?: EditorModule }).chainstepEditor = { createProgramEditor, textOf };
