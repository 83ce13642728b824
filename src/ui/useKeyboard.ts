// The keys of the command registry (CONTRACTS §5), inactive while a text field
// (the program editor) has focus.
import { useEffect } from 'react';
import { isTextField } from '../commands/keys';
import { commandForEvent, runCommand } from '../commands/run';
import { useVisualizerStore } from '../store/context';
import { createRepeatGate } from './keyRepeat';

export function useKeyboard(): void {
  const store = useVisualizerStore();
  useEffect(() => {
    const held = createRepeatGate();
    const onKey = (event: KeyboardEvent) => {
      if (isTextField(event.target)) return;
      const command = commandForEvent(event, store);
      if (!(event.repeat && command?.repeats)) held.flush();
      if (!command) return;
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
  }, [store]);
}
