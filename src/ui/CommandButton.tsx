// A button bound to one command: its label, tooltip (with the command's keys),
// disabled and pressed states all come from the command's entry.
import type { ReactNode } from 'react';
import { withShortcut } from '../commands/keys';
import { isEnabled } from '../commands/registry';
import { runCommand } from '../commands/run';
import type { Command } from '../commands/types';
import { useVisualizer, useVisualizerStore } from '../store/context';
import { useT } from './useT';

export function CommandButton({
  command,
  className,
  showLabel = false,
  children,
  testId,
}: {
  command: Command;
  className?: string;
  /** Write the label in the button (otherwise it is its accessible name only, for an icon). */
  showLabel?: boolean;
  children?: ReactNode;
  /** data-testid, for a button tests already knew by one. */
  testId?: string;
}) {
  const store = useVisualizerStore();
  const t = useT();
  const label = t(useVisualizer(command.label));
  const enabled = useVisualizer((s) => isEnabled(command, s));
  const pressed = useVisualizer((s) => command.pressed?.(s));
  return (
    <button
      type="button"
      className={className}
      data-command={command.id}
      data-testid={testId}
      onClick={() => runCommand(store, command)}
      disabled={!enabled}
      aria-label={showLabel ? undefined : label}
      aria-pressed={pressed}
      title={withShortcut(label, command.keys)}
    >
      {children}
      {showLabel && label}
    </button>
  );
}
