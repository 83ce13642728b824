// The keys of the command registry (CONTRACTS §5), inactive while a text field
// (the program editor) has focus.
import { useEffect } from 'react';
import { isTextField } from '../commands/keys';
import { commandForEvent, runCommand } from '../commands/run';
import { useVisualizerStore } from '../store/context';
import { createRepeatGate } from './keyRepeat';

/**
 * Keys for the graph view, which lives outside the store: `f` fits the whole
 * graph into the window. (Not yet a registry command: its perform needs the
 * view, not the store.)
 */
export interface ViewKeys {
  fit?: () => void;
}

export const FIT_KEYS: readonly string[] = ['f', 'F'];

export function useKeyboard(view: ViewKeys = {}): void {
  const store = useVisualizerStore();
  const { fit } = view;
  useEffect(() => {
    const held = createRepeatGate();
    const onKey = (event: KeyboardEvent) => {
      if (isTextField(event.target)) return;
      const command = commandForEvent(event, store);
      if (!(event.repeat && command?.repeats)) held.flush();
      if (!command) {
        if (fit && FIT_KEYS.includes(event.key) && !event.defaultPrevented && !event.ctrlKey && !event.metaKey && !event.altKey) {
          event.preventDefault();
          fit();
        }
        return;
      }
      // A focused button would also be "clicked" by Space: only the command runs.
      event.preventDefault();
      if (event.repeat && command.repeats) held.repeat(() => runCommand(store, command));
      else runCommand(store, command);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      held.cancel();
      window.removeEventListener('keydown', onKey);
    };
  }, [store, fit]);
}
