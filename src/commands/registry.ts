// Every command, registered once; the key handler looks keys up here.
import type { VisualizerState } from '../store/visualizer';
import { blank, unblank } from './presenting';
import { first, goToStep, last, next, prev, togglePlay } from './stepping';
import type { Command } from './types';
import { fit } from './viewing';

export const COMMANDS = { first, prev, togglePlay, next, last, goToStep, blank, unblank, fit } as const;
export type CommandId = keyof typeof COMMANDS;

const KEYED: readonly Command[] = Object.values(COMMANDS).filter((c): c is Command => c.keys.length > 0);

/** The command a key runs in this state, if any. */
export function commandForKey(key: string, s: VisualizerState): Command | undefined {
  return KEYED.find((c) => c.keys.includes(key) && (c.active?.(s) ?? true));
}

export const isEnabled = (command: Command<never>, s: VisualizerState): boolean => command.enabled?.(s) ?? true;
