// What the page and the lazily loaded CodeMirror editor (codemirror.ts) say to
// each other. Types only: the page's bundle holds no CodeMirror code.
import type { SourceLanguage } from '../../engine/ast';

export type EditorLanguage = SourceLanguage;

/** The program error to show under its line: 1-based line and column (in code points, as the lexer counts). */
export interface EditorError {
  line: number;
  col: number;
  message: string;
}

export interface ProgramEditorOptions {
  text: string;
  /** Where the cursor was in the plain text field shown while the editor loaded (UTF-16 offsets). */
  selection?: { anchor: number; head: number };
  language: EditorLanguage;
  /** Function names to complete (the engine's callables). */
  functionNames: readonly string[];
  /** The ids of the elements that name and describe the editor. */
  labelledBy: string;
  describedBy: string;
  /** The student changed the text (typing, undo, paste); not called for setText. */
  onChange: (text: string) => void;
  onHistory: (canUndo: boolean, canRedo: boolean) => void;
  onBlur: () => void;
}

export interface ProgramEditorHandle {
  /** A program from outside (a lesson, the builder, a link): the editor's text becomes it as one undoable change, the cursor kept where the text around it is unchanged. */
  setText: (text: string) => void;
  setError: (error: EditorError | null) => void;
  setLanguage: (language: EditorLanguage) => void;
  undo: () => void;
  redo: () => void;
  focus: () => void;
  destroy: () => void;
}

export interface EditorModule {
  createProgramEditor: (parent: HTMLElement, options: ProgramEditorOptions) => ProgramEditorHandle;
  /** The whole text of the editor inside `element` (CodeMirror draws only the lines in view): for tests and scripts. */
  textOf: (element: Element) => string | null;
}
