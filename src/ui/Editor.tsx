import { useVisualizer } from '../store/context';
import { ErrorAlert } from './ErrorAlert';
import { useT } from './useT';

/** The program editor: every keystroke rebuilds the graph; a bad program keeps the last good graph. */
export function Editor() {
  const text = useVisualizer((s) => s.text);
  const setText = useVisualizer((s) => s.setText);
  const error = useVisualizer((s) => s.error);
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
        rows={Math.min(14, Math.max(6, text.split('\n').length + 1))}
      />
      <p id="editor-help" className="muted small">
        {t('editor.help')}
      </p>
      <ErrorAlert />
    </section>
  );
}
