import { useVisualizer } from '../store/context';
import { announcement } from './describe';

/** The one aria-live region: each step is announced in words. */
export function Announcer() {
  const text = useVisualizer((s) => (s.compiled ? announcement(s.locale, s.compiled, s.step) : ''));
  return (
    <div className="announcer" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {text}
    </div>
  );
}
