// The keys of CONTRACTS §5, inactive while a text field (the editor) has focus.
import { useEffect } from 'react';
import { useVisualizerStore } from '../store/context';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['TEXTAREA', 'INPUT', 'SELECT'].includes(target.tagName);
}

/** Keys for views outside the store: `f` fits the whole graph into the window. */
export interface ViewKeys {
  fit?: () => void;
}

export function useKeyboard(view: ViewKeys = {}): void {
  const store = useVisualizerStore();
  const { fit } = view;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextField(event.target)) return;
      const s = store.getState();
      switch (event.key) {
        case 'ArrowRight':
        case 'PageDown':
        case 'j':
          s.setPlaying(false);
          s.next();
          break;
        case 'ArrowLeft':
        case 'PageUp':
        case 'k':
          s.prev();
          break;
        case 'Home':
          s.first();
          break;
        case 'End':
          s.last();
          break;
        case 'b':
        case 'B':
        case '.':
          // Presenter remotes send `b` or `.` for "black screen".
          s.toggleBlank();
          break;
        case 'Escape':
          if (!s.blank) return;
          s.toggleBlank();
          break;
        case 'f':
        case 'F':
          if (!fit) return;
          fit();
          break;
        case ' ':
          // A focused button would also be "clicked" by Space: only the toggle runs.
          s.togglePlay();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, fit]);
}
