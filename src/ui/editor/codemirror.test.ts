// @vitest-environment jsdom
import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { afterEach, describe, expect, it } from 'vitest';
import { callableNames } from '../../engine/callables';
import { completionSource, createProgramEditor, textOf } from './codemirror';
import type { ProgramEditorHandle, ProgramEditorOptions } from './types';

const handles: ProgramEditorHandle[] = [];
function editor(text: string, extra: Partial<ProgramEditorOptions> = {}) {
  const parent = document.body.appendChild(document.createElement('div'));
  const changes: string[] = [];
  const history: [boolean, boolean][] = [];
  const handle = createProgramEditor(parent, {
    text,
    language: 'native',
    functionNames: callableNames(),
    labelledBy: 'label',
    describedBy: 'help',
    onChange: (t) => changes.push(t),
    onHistory: (u, r) => history.push([u, r]),
    onBlur: () => undefined,
    ...extra,
  });
  handles.push(handle);
  const view = EditorView.findFromDOM(parent)!;
  return { parent, handle, view, changes, history };
}

describe('the CodeMirror program editor', () => {
  afterEach(() => {
    handles.splice(0).forEach((h) => h.destroy());
    document.body.innerHTML = '';
  });

  it('a program set from outside is one undoable change that keeps the cursor and is not echoed back', () => {
    const { handle, view, changes, history } = editor('x = 1\nf = x * x');
    view.dispatch({ selection: { anchor: 'x = 1\nf = x'.length } });
    handle.setText('x = 12\nf = x * x');
    expect(view.state.doc.toString()).toBe('x = 12\nf = x * x');
    expect(view.state.selection.main.head).toBe('x = 12\nf = x'.length);
    expect(changes).toEqual([]);
    expect(history.at(-1)).toEqual([true, false]);
    handle.undo();
    expect(view.state.doc.toString()).toBe('x = 1\nf = x * x');
    expect(changes).toEqual(['x = 1\nf = x * x']);
    handle.redo();
    expect(changes.at(-1)).toBe('x = 12\nf = x * x');
  });

  it('the error sits under its line with a caret under its column, marked and read as invalid', () => {
    const { parent, handle } = editor('x = 1\nf = x + ww\ng = 2');
    handle.setError({ line: 2, col: 9, message: "'ww' is not defined" });
    const box = parent.querySelector('.cm-program-error');
    expect(box?.textContent).toBe("f = x + ^'ww' is not defined");
    expect(box?.getAttribute('aria-hidden')).toBe('true');
    // A block under line 2: between the second and the third line.
    const lines = [...parent.querySelectorAll('.cm-content > *')].map((el) => (el.classList.contains('cm-line') ? el.textContent : 'ERROR'));
    expect(lines).toEqual(['x = 1', 'f = x + ww', 'ERROR', 'g = 2']);
    expect(parent.querySelector('.cm-content')?.getAttribute('aria-invalid')).toBe('true');
    handle.setError(null);
    expect(parent.querySelector('.cm-program-error')).toBeNull();
    expect(parent.querySelector('.cm-content')?.hasAttribute('aria-invalid')).toBe(false);
  });

  it('typing before the error moves it along with its text', () => {
    const { parent, handle, view } = editor('x = 1\nf = x + ww');
    handle.setError({ line: 2, col: 9, message: 'not defined' });
    view.dispatch({ changes: { from: 6, insert: 'ff = 1\n' } });
    const lines = [...parent.querySelectorAll('.cm-content > *')].map((el) => (el.classList.contains('cm-line') ? el.textContent : 'ERROR'));
    expect(lines).toEqual(['x = 1', 'ff = 1', 'f = x + ww', 'ERROR']);
    expect(parent.querySelector('.cm-program-error-pad')?.textContent).toBe('f = x + ');
  });

  it('the content is named by the label and described by the help', () => {
    const { parent } = editor('x = 1');
    const content = parent.querySelector('.cm-content');
    expect(content?.getAttribute('role')).toBe('textbox');
    expect(content?.getAttribute('aria-labelledby')).toBe('label');
    expect(content?.getAttribute('aria-describedby')).toBe('help');
    expect(textOf(parent)).toBe('x = 1');
  });
});

describe('completion', () => {
  const complete = (doc: string) => {
    const state = EditorState.create({ doc });
    return completionSource(callableNames())(new CompletionContext(state, doc.length, false));
  };

  it('offers functions and the names defined above for the word being typed', () => {
    const result = complete('total = 1\ntheta = 2\nf = t');
    const labels = result?.options.map((o) => o.label) ?? [];
    expect(labels).toEqual(expect.arrayContaining(['tanh', 'transpose', 'total', 'theta']));
    expect(result?.from).toBe('total = 1\ntheta = 2\nf = '.length);
  });

  it('offers nothing in a comment or after a number', () => {
    expect(complete('x = 1 # ta')).toBeNull();
    expect(complete('x = 12')).toBeNull();
  });
});
