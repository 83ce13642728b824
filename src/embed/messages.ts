// The iframe messages of CONTRACTS §6 as plain data: what the parent may send,
// and what the app sends back. Anything of another shape is ignored.
import { nodeStateAt, phaseOf, type Compiled, type Phase } from '../engine';
import { jsonTensor, type JsonNested } from '../engine/report';

export type IncomingMessage =
  | { source: 'chainstep'; type: 'setProgram'; program: string }
  | { source: 'chainstep'; type: 'goToStep'; step: number | 'end' }
  | { source: 'chainstep'; type: 'getState' };

export interface NodeReport {
  id: string;
  label: string | null;
  op: string;
  /**
   * A number node's value and gradient (null before they are shown, and for ∞ and NaN);
   * a vector or matrix node's are nested arrays, with ∞ and NaN as the strings of §7,
   * exactly the JSON of its `data-value` and `data-grad` (§9).
   */
  value: number | null | JsonNested[];
  grad: number | null | JsonNested[];
  /** Vector and matrix nodes only: their sizes, `[3]`, `[2, 3]` (§9). */
  shape?: number[];
}

export type OutgoingMessage =
  | { source: 'chainstep'; type: 'ready' }
  | { source: 'chainstep'; type: 'state'; step: number; phase: Phase | 'end'; nodes: NodeReport[] }
  | { source: 'chainstep'; type: 'resize'; height: number };

/** Longest program accepted by message (the same as from a URL). */
export const MAX_MESSAGE_PROGRAM = 100_000;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The message, if `data` is exactly one of §6's parent → app messages; otherwise null. */
export function parseIncoming(data: unknown): IncomingMessage | null {
  if (!isRecord(data) || data.source !== 'chainstep') return null;
  switch (data.type) {
    case 'setProgram':
      return typeof data.program === 'string' && data.program.length <= MAX_MESSAGE_PROGRAM
        ? { source: 'chainstep', type: 'setProgram', program: data.program }
        : null;
    case 'goToStep':
      if (data.step === 'end') return { source: 'chainstep', type: 'goToStep', step: 'end' };
      return typeof data.step === 'number' && Number.isFinite(data.step)
        ? { source: 'chainstep', type: 'goToStep', step: data.step }
        : null;
    case 'getState':
      return { source: 'chainstep', type: 'getState' };
    default:
      return null;
  }
}

/** JSON cannot carry ∞ or NaN; they are sent as null. */
const finite = (x: number | undefined): number | null => (x === undefined || !Number.isFinite(x) ? null : x);

export function stateMessage(compiled: Compiled, step: number): OutgoingMessage {
  const { graph, trace } = compiled;
  const nodes = graph.nodes.map((n): NodeReport => {
    const s = nodeStateAt(graph, trace, n.index, step);
    if (n.shape.length === 0) return { id: n.id, label: n.label, op: n.op, value: finite(s.value), grad: finite(s.grad) };
    const nested = (t: typeof s.valueTensor) => (t === undefined ? null : (jsonTensor(t) as JsonNested[]));
    return { id: n.id, label: n.label, op: n.op, value: nested(s.valueTensor), grad: nested(s.gradTensor), shape: [...n.shape] };
  });
  const phase = step === trace.end && step > 0 ? 'end' : phaseOf(trace, step);
  return { source: 'chainstep', type: 'state', step, phase, nodes };
}
