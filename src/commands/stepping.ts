// Stepping through the trace: CONTRACTS §5's keys (presenter remotes send PageDown / PageUp).
import type { StepRef } from '../store/url';
import type { VisualizerState } from '../store/visualizer';
import type { Command } from './types';

const end = (s: VisualizerState): number => s.compiled?.trace.end ?? 0;
const notAtStart = (s: VisualizerState): boolean => s.step > 0;
const notAtEnd = (s: VisualizerState): boolean => s.step < end(s);

export const first: Command = {
  id: 'first',
  label: () => 'controls.first',
  keys: ['Home'],
  enabled: notAtStart,
  perform: (s) => s.first(),
};

export const prev: Command = {
  id: 'prev',
  label: () => 'controls.prev',
  keys: ['ArrowLeft', 'PageUp', 'k'],
  repeats: true,
  enabled: notAtStart,
  perform: (s) => s.prev(),
};

export const next: Command = {
  id: 'next',
  label: () => 'controls.next',
  keys: ['ArrowRight', 'PageDown', 'j'],
  repeats: true,
  enabled: notAtEnd,
  // Stepping by hand takes over from playback.
  perform: (s) => {
    s.setPlaying(false);
    s.next();
  },
};

export const last: Command = {
  id: 'last',
  label: () => 'controls.last',
  keys: ['End'],
  enabled: notAtEnd,
  perform: (s) => s.last(),
};

export const togglePlay: Command = {
  id: 'togglePlay',
  label: (s) => (s.playing ? 'controls.pause' : 'controls.play'),
  keys: [' '],
  pressed: (s) => s.playing,
  perform: (s) => s.togglePlay(),
};

/** A jump to any step (the timeline, the iframe's goToStep): no key of its own. */
export const goToStep: Command<StepRef> = {
  id: 'goToStep',
  label: () => 'controls.step',
  keys: [],
  perform: (s, step) => {
    s.setPlaying(false);
    s.goTo(step);
  },
};
