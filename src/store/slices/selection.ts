// The selection slice: the node picked out for details, the groups drawn collapsed.
import type { SelectionActions, SliceActions } from '../types';

export const selectionActions: SliceActions<SelectionActions> = (set, get) => ({
  select: (selected) => set({ selected }),
  selectEntry: (selectedEntry) => set({ selectedEntry, selected: selectedEntry ? selectedEntry.node : get().selected }),
  setCollapsed: (collapsed) => set({ collapsed }),
});
