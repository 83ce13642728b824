import { useVisualizer } from '../store/context';
import { ErrorAlert } from './ErrorAlert';
import { useT } from './useT';

/** The program editor: every keystroke rebuilds the graph; a bad program keeps the last good graph. */
export function Editor() {
  const text = useVisualizer((s) => s.text);
  const setText = useVisualizer((s) => s.setText);
  const error = useVisualizer((s) => s.error);
  const undo = useVisualizer((s) => s.undo);
  const redo = useVisualizer((s) => s.redo);
  const canUndo = useVisualizer((s) => s.past.length > 0);
  const canRedo = useVisualizer((s) => s.future.length > 0);
  const t = useT();
  return (
    <section className="editor" aria-labelledby="editor-label">
      <label id="editor-label" htmlFor="program-editor" className="panel-title">
        {t('editor.label')}
      </label>
      <textarea
        id="program-editor"
        className="editor-text"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby="editor-help"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (!(e.ctrlKey || e.metaKey)) return;
          const key = e.key.toLowerCase();
          if (key === 'z' && !e.shiftKey) undo();
          else if ((key === 'z' && e.shiftKey) || key === 'y') redo();
          else return;
          e.preventDefault();
        }}
        rows={Math.min(14, Math.max(6, text.split('\n').length + 1))}
      />
      <div className="editor-tools">
        <button type="button" onClick={undo} disabled={!canUndo} title={`${t('editor.undo')} (Ctrl+Z)`}>
          {t('editor.undo')}
        </button>
        <button type="button" onClick={redo} disabled={!canRedo} title={`${t('editor.redo')} (Ctrl+Shift+Z)`}>
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
