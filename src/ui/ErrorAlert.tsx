import { useVisualizer } from '../store/context';
import { errorText } from './errorText';
import { useT } from './useT';

/** The current program error, in role="alert" so it is read out; empty when the program is fine. */
export function ErrorAlert() {
  const error = useVisualizer((s) => s.error);
  const locale = useVisualizer((s) => s.locale);
  const hasGraph = useVisualizer((s) => s.compiled !== null);
  const t = useT();
  if (!error) return null;
  return (
    <div className="error-alert" role="alert" data-line={error.line} data-col={error.col}>
      <strong>{t('error.title')}</strong>
      <p>{errorText(locale, error)}</p>
      {hasGraph && <p className="muted">{t('editor.keptGraph')}</p>}
    </div>
  );
}
