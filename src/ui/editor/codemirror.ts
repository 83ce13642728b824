// The program editor, built on CodeMirror 6. Loaded lazily, as a script of its
// own (editorScript.ts), so the page's first download holds no CodeMirror: the
// page talks to it only through ProgramEditorHandle (types.ts).
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, isolateHistory, redo, redoDepth, undo, undoDepth } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Annotation, Compartment, EditorState, StateEffect, StateField, Transaction, type Extension } from '@codemirror/state';
import { Decoration, drawSelection, EditorView, highlightActiveLineGutter, keymap, lineNumbers, WidgetType, type DecorationSet } from '@codemirror/view';
import { tagHighlighter, tags } from '@lezer/highlight';
import { nativeLanguage } from './nativeLanguage';
import { errorRange, minimalChange, namesDefinedBefore } from './text';
import type { EditorError, EditorLanguage, ProgramEditorHandle, ProgramEditorOptions } from './types';

/** Marks the transactions of setText, which the page already knows about. */
const fromOutside = Annotation.define<boolean>();

/** Classes for each kind of token (styled in editor.css, light and dark). */
const highlighter = tagHighlighter([
  { tag: tags.number, class: 'cs-number' },
  { tag: tags.comment, class: 'cs-comment' },
  { tag: tags.keyword, class: 'cs-keyword' },
  { tag: [tags.string, tags.special(tags.string)], class: 'cs-string' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], class: 'cs-function' },
  { tag: tags.definition(tags.variableName), class: 'cs-definition' },
  { tag: tags.variableName, class: 'cs-name' },
  { tag: tags.propertyName, class: 'cs-property' },
  { tag: [tags.bool, tags.null], class: 'cs-atom' },
  { tag: tags.operator, class: 'cs-operator' },
  { tag: tags.invalid, class: 'cs-invalid' },
]);

function languageExtension(language: EditorLanguage): Extension {
  return language === 'native' ? nativeLanguage : python();
}

// The current error, under its line: a block widget with a caret under the column and the message.
interface ShownError {
  /** Where the error is (mapped through later edits until the next compile). */
  pos: number;
  message: string;
}
const setErrorEffect = StateEffect.define<ShownError | null>({
  map: (value, changes) => (value ? { ...value, pos: changes.mapPos(value.pos) } : null),
});

class ErrorWidget extends WidgetType {
  constructor(
    readonly before: string,
    readonly message: string,
  ) {
    super();
  }
  override eq(other: ErrorWidget): boolean {
    return other.before === this.before && other.message === this.message;
  }
  toDOM(): HTMLElement {
    // Read out by the page's role="alert" already: hidden from assistive technology here.
    const box = document.createElement('div');
    box.className = 'cm-program-error';
    box.setAttribute('aria-hidden', 'true');
    const pointer = box.appendChild(document.createElement('div'));
    pointer.className = 'cm-program-error-pointer';
    // The text before the column, invisible, puts the caret exactly under it in any script.
    const pad = pointer.appendChild(document.createElement('span'));
    pad.className = 'cm-program-error-pad';
    pad.textContent = this.before;
    pointer.appendChild(document.createTextNode('^'));
    const message = box.appendChild(document.createElement('div'));
    message.className = 'cm-program-error-message';
    message.textContent = this.message;
    return box;
  }
  override ignoreEvent(): boolean {
    return false;
  }
}

const errorField = StateField.define<{ error: ShownError | null; decorations: DecorationSet }>({
  create: () => ({ error: null, decorations: Decoration.none }),
  update(value, tr) {
    let error = value.error && tr.docChanged ? { ...value.error, pos: tr.changes.mapPos(value.error.pos) } : value.error;
    let changed = tr.docChanged;
    for (const effect of tr.effects) {
      if (effect.is(setErrorEffect)) {
        error = effect.value;
        changed = true;
      }
    }
    if (!changed) return value;
    if (!error) return { error, decorations: Decoration.none };
    const line = tr.state.doc.lineAt(Math.min(error.pos, tr.state.doc.length));
    const widget = new ErrorWidget(line.text.slice(0, error.pos - line.from), error.message);
    return { error, decorations: Decoration.set([Decoration.widget({ widget, block: true, side: 1 }).range(line.to)]) };
  },
  provide: (field) => [
    EditorView.decorations.from(field, (v) => v.decorations),
    EditorView.contentAttributes.from(field, (v): Record<string, string> => (v.error ? { 'aria-invalid': 'true' } : {})),
  ],
});

const NAME_BEFORE = /[\p{L}_][\p{L}\p{M}\p{N}_]*$/u;

/** Completes function names and the names defined on the lines above; nothing inside a comment. */
export function completionSource(functionNames: readonly string[]) {
  const functions = functionNames.map((label) => ({ label, type: 'function' }));
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(NAME_BEFORE);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const line = context.state.doc.lineAt(context.pos);
    if (line.text.slice(0, context.pos - line.from).includes('#')) return null;
    const defined = namesDefinedBefore(context.state.doc.sliceString(0, context.pos), context.pos).filter(
      (name) => !functionNames.includes(name),
    );
    return {
      from: word.from,
      options: [...functions, ...defined.map((label) => ({ label, type: 'variable' }))],
      validFor: /^[\p{L}\p{M}\p{N}_]*$/u,
    };
  };
}

export function createProgramEditor(parent: HTMLElement, options: ProgramEditorOptions): ProgramEditorHandle {
  const language = new Compartment();
  let canUndo = false;
  let canRedo = false;
  const length = options.text.length;
  const clamp = (n: number) => Math.max(0, Math.min(length, n));
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text,
      selection: options.selection ? { anchor: clamp(options.selection.anchor), head: clamp(options.selection.head) } : undefined,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        bracketMatching(),
        EditorView.lineWrapping,
        language.of(languageExtension(options.language)),
        syntaxHighlighting(highlighter),
        autocompletion({ override: [completionSource(options.functionNames)], icons: false }),
        lintGutter(),
        errorField,
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.contentAttributes.of({
          'aria-labelledby': options.labelledBy,
          'aria-describedby': options.describedBy,
          spellcheck: 'false',
          autocapitalize: 'off',
          autocorrect: 'off',
          translate: 'no',
        }),
        EditorView.domEventHandlers({ blur: () => options.onBlur() }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !update.transactions.some((tr) => tr.annotation(fromOutside))) {
            options.onChange(update.state.doc.toString());
          }
          const u = undoDepth(update.state) > 0;
          const r = redoDepth(update.state) > 0;
          if (u !== canUndo || r !== canRedo) {
            canUndo = u;
            canRedo = r;
            options.onHistory(u, r);
          }
        }),
      ],
    }),
  });

  return {
    setText(text) {
      const change = minimalChange(view.state.doc.toString(), text);
      if (!change) return;
      // One undoable step of its own, never merged with the typing around it.
      view.dispatch({
        changes: change,
        annotations: [fromOutside.of(true), isolateHistory.of('full'), Transaction.userEvent.of('set')],
      });
    },
    setError(error: EditorError | null) {
      if (!error) {
        view.dispatch(setDiagnostics(view.state, []), { effects: setErrorEffect.of(null) });
        return;
      }
      const { from, to } = errorRange(view.state.doc.toString(), error.line, error.col);
      const diagnostic = { from, to, severity: 'error' as const, message: error.message };
      view.dispatch(setDiagnostics(view.state, [diagnostic]), { effects: setErrorEffect.of({ pos: from, message: error.message }) });
    },
    setLanguage(next) {
      view.dispatch({ effects: language.reconfigure(languageExtension(next)) });
    },
    undo: () => undo(view),
    redo: () => redo(view),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}

export function textOf(element: Element): string | null {
  const dom = element.closest('.cm-editor') ?? element.querySelector('.cm-editor');
  return dom instanceof HTMLElement ? (EditorView.findFromDOM(dom)?.state.doc.toString() ?? null) : null;
}
