// Running a command against a store: what a key, a button and an iframe message all do.
import type { VisualizerStore } from '../store/visualizer';
import { commandForKey, isEnabled } from './registry';
import type { Command } from './types';

/** Runs `command` when it applies and is enabled; true when it ran. */
export function runCommand<V>(store: VisualizerStore, command: Command<V>, value: V): boolean;
export function runCommand(store: VisualizerStore, command: Command): boolean;
export function runCommand<V>(store: VisualizerStore, command: Command<V>, value?: V): boolean {
  const s = store.getState();
  if (!(command.active?.(s) ?? true) || !isEnabled(command as Command<never>, s)) return false;
  command.perform(s, value as V);
  return true;
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

/**
 * The command for a key press, or undefined when the key is not the commands'
 * (a modifier is held, or another handler took it). The caller prevents the
 * key's default when a command is returned, enabled or not: End at the last
 * step must not scroll the page either.
 */
export function commandForEvent(event: KeyLike, store: VisualizerStore): Command | undefined {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return commandForKey(event.key, store.getState());
}
