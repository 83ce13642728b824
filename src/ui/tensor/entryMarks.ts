// What each tensor node marks while an entry is selected: the entry itself in
// its own node, and in the others the cells it was computed from by the shown
// step (src/graph/provenance.ts). As a string, so that a store update wakes only
// the nodes whose marks changed; with nothing selected every node's is ''.
import type { Compiled } from '../../engine';
import { provenanceAt, type MarkedCells } from '../../graph/provenance';
import type { VisualizerState } from '../../store/visualizer';

export interface EntryMarks {
  /** The selected element of this node, or -1. */
  readonly selected: number;
  /** Value cells and gradient cells the selected entry was computed from. */
  readonly value: readonly number[];
  readonly grad: readonly number[];
}

export const NO_MARKS: EntryMarks = { selected: -1, value: [], grad: [] };

// Every tensor node asks during the same store update: one provenance serves them all.
let last: { compiled: Compiled; node: number; element: number; step: number; marks: Map<number, MarkedCells> } | null = null;

function marksAt(compiled: Compiled, node: number, element: number, step: number): Map<number, MarkedCells> {
  if (last && last.compiled === compiled && last.node === node && last.element === element && last.step === step) return last.marks;
  const marks = provenanceAt(compiled.graph, compiled.trace, node, element, step);
  last = { compiled, node, element, step, marks };
  return marks;
}

const list = (cells: ReadonlySet<number> | undefined): string => (cells ? [...cells].sort((a, b) => a - b).join(',') : '');

/** `selected|value cells|gradient cells` of node `index` in the drawn `compiled`; '' when it marks nothing. */
export function entryMarksKey(s: VisualizerState, compiled: Compiled, index: number): string {
  const entry = s.selectedEntry;
  if (!entry || s.compiled !== compiled) return '';
  const marks = marksAt(compiled, entry.node, entry.element, Math.min(s.step, compiled.trace.end)).get(index);
  const selected = entry.node === index ? entry.element : -1;
  if (!marks && selected < 0) return '';
  return `${selected}|${list(marks?.value)}|${list(marks?.grad)}`;
}

export function parseEntryMarks(key: string): EntryMarks {
  if (key === '') return NO_MARKS;
  const [selected, value, grad] = key.split('|');
  const cells = (text: string | undefined) => (text ? text.split(',').map(Number) : []);
  return { selected: Number(selected), value: cells(value), grad: cells(grad) };
}
