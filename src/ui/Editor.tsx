// The program editor: CodeMirror 6 (line numbers, highlighting, completion,
// bracket matching, its own undo history, the error under its line), loaded
// after the page is drawn. Until it has loaded, a plain text field holds the
// program, so typing works from the first moment and nothing is lost.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { callableNames } from '../engine/callables';
import { detectLanguage } from '../engine/language';
import { useVisualizer, useVisualizerStore } from '../store/context';
import { editorScript } from './editor/loader';
import type { EditorLanguage, EditorModule, ProgramEditorHandle } from './editor/types';
import { ErrorAlert } from './ErrorAlert';
import { errorMessage } from './errorText';
import { useT } from './useT';
import './editor/editor.css';

/** Starts loading CodeMirror once the page is idle (the graph comes first), or at once on `now`. */
function useEditorModule(): [EditorModule | null, () => void] {
  const [module, setModule] = useState<EditorModule | null>(editorScript.current);
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (module) return;
    let live = true;
    const start = () =>
      editorScript.load().then(
        (loaded) => live && setModule(() => loaded),
        () => undefined, // the plain text field stays: the program can still be edited
      );
    if (wanted) {
      start();
      return () => {
        live = false;
      };
    }
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(start, { timeout: 1000 }) : window.setTimeout(start, 200);
    return () => {
      live = false;
      if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [module, wanted]);
  return [module, () => setWanted(true)];
}

export function Editor() {
  const store = useVisualizerStore();
  const t = useT();
  const [module, loadNow] = useEditorModule();
  const [mounted, setMounted] = useState(false);
  const [language, setLanguage] = useState<EditorLanguage>(() => detectLanguage(store.getState().text));
  const [history, setHistory] = useState({ canUndo: false, canRedo: false });
  const host = useRef<HTMLDivElement>(null);
  const plain = useRef<HTMLTextAreaElement>(null);
  const handle = useRef<ProgramEditorHandle | null>(null);
  const focusOnMount = useRef(false);
  // The text is read on each change only while the plain field shows; CodeMirror holds its own.
  const plainText = useVisualizer((s) => (mounted ? null : s.text));
  const error = useVisualizer((s) => s.error);
  const locale = useVisualizer((s) => s.locale);

  // CodeMirror replaces the plain field, taking over its text, cursor and focus.
  useLayoutEffect(() => {
    if (!module || !host.current) return;
    const area = plain.current;
    const focused = area !== null && document.activeElement === area;
    const text = store.getState().text;
    const created = module.createProgramEditor(host.current, {
      text,
      selection: area && focused ? { anchor: area.selectionStart, head: area.selectionEnd } : undefined,
      language: detectLanguage(text),
      functionNames: callableNames(),
      labelledBy: 'editor-label',
      describedBy: 'editor-help',
      onChange: (next) => store.getState().editText(next),
      onHistory: (canUndo, canRedo) => setHistory({ canUndo, canRedo }),
      onBlur: () => store.getState().commitText(),
    });
    handle.current = created;
    focusOnMount.current = focused;
    setMounted(true);
    return () => {
      created.destroy();
      handle.current = null;
      setMounted(false);
    };
  }, [module, store]);

  // The editor is shown (un-hidden) only now, so only now can it take the focus.
  useLayoutEffect(() => {
    if (mounted && focusOnMount.current) handle.current?.focus();
    focusOnMount.current = false;
  }, [mounted]);

  // A program from outside (a lesson, the builder, a link, an iframe, trained values) reaches the editor.
  useEffect(
    () =>
      store.subscribe((s, before) => {
        if (s.text === before.text) return;
        handle.current?.setText(s.text);
        setLanguage(detectLanguage(s.text));
      }),
    [store],
  );

  useEffect(() => {
    if (mounted) handle.current?.setLanguage(language);
  }, [language, mounted]);

  useEffect(() => {
    if (!mounted) return;
    handle.current?.setError(error ? { line: error.line, col: error.col, message: errorMessage(locale, error) } : null);
  }, [error, locale, mounted]);

  return (
    <section className="editor" aria-labelledby="editor-label" data-editor={mounted ? 'codemirror' : 'plain'}>
      <div className="editor-head">
        <label id="editor-label" htmlFor={mounted ? undefined : 'program-editor'} className="panel-title" onClick={() => handle.current?.focus()}>
          {t('editor.label')}
        </label>
        <span className="editor-language" data-testid="editor-language" data-language={language}>
          {t('editor.reading', { language: t(`editor.language.${language}`) })}
        </span>
      </div>
      <div ref={host} className="editor-host" hidden={!mounted} data-invalid={error ? '' : undefined} />
      {!mounted && (
        <textarea
          ref={plain}
          id="program-editor"
          className="editor-text"
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          value={plainText ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby="editor-help"
          onFocus={loadNow}
          onChange={(e) => store.getState().editText(e.target.value)}
          onBlur={() => store.getState().commitText()}
          rows={Math.min(14, Math.max(6, (plainText ?? '').split('\n').length + 1))}
        />
      )}
      <div className="editor-tools">
        <button type="button" onClick={() => handle.current?.undo()} disabled={!history.canUndo} title={`${t('editor.undo')} (Ctrl+Z)`}>
          {t('editor.undo')}
        </button>
        <button type="button" onClick={() => handle.current?.redo()} disabled={!history.canRedo} title={`${t('editor.redo')} (Ctrl+Shift+Z)`}>
          {t('editor.redo')}
        </button>
      </div>
      <p id="editor-help" className="muted small">
        {t('editor.help')}
      </p>
      <ErrorAlert />
    </section>
  );
}
