// The presenter's blank screen: remotes send `b` or `.` for "black screen".
import type { Command } from './types';

export const blank: Command = {
  id: 'blank',
  label: (s) => (s.blank ? 'present.unblank' : 'present.blank'),
  keys: ['b', 'B', '.'],
  active: (s) => s.mode === 'present' || s.blank,
  pressed: (s) => s.blank,
  perform: (s) => s.toggleBlank(),
};

export const unblank: Command = {
  id: 'unblank',
  label: () => 'present.unblank',
  keys: ['Escape'],
  active: (s) => s.blank,
  perform: (s) => {
    if (s.blank) s.toggleBlank();
  },
};
