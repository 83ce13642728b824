// Commands about the graph's view.
import type { Command } from './types';

/** Shows the whole graph (one key away even while the view follows the step). */
export const fit: Command = {
  id: 'fit',
  label: () => 'graph.fit',
  keys: ['F', 'f'],
  perform: (s) => s.requestFit(),
};
