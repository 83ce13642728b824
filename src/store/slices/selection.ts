// The selection slice: the node picked out for details, the groups drawn collapsed.
import type { SelectionActions, SliceActions } from '../types';

export const selectionActions: SliceActions<SelectionActions> = (set) => ({
  select: (selected) => set({ selected }),
  setCollapsed: (collapsed) => set({ collapsed }),
});
