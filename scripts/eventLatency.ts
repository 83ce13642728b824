// Keypress-to-screen latency read from a Chromium trace (category `input`).
//
// For every input event Chromium records an `EventLatency` span, from the
// moment the key was generated to the moment the frame showing its effect was
// presented, with nested stages. One stage, `RendererMainFinishedToBeginImplFrame`,
// is the wait for the next frame to begin after the page has handled the key:
// it depends on where in the 16.7 ms frame cycle the key happened to arrive,
// not on the page, so it is reported apart from the rest (the page's work).

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  tid?: number;
  id?: string | number;
  id2?: { local?: string; global?: string };
  args?: { event_latency?: { event_type?: string } };
}

export interface KeyLatency {
  /** Key generated to frame presented, ms. */
  total: number;
  /** Waiting for the next frame to begin once the page was done, ms. */
  frameWait: number;
}

const WAIT_STAGE = 'RendererMainFinishedToBeginImplFrame';

/** The latency of every key press (not release) in the trace, in order. */
export function keyLatencies(events: readonly TraceEvent[], eventType = 'KEY_PRESSED'): KeyLatency[] {
  const sorted = events.filter((e) => e.ph === 'b' || e.ph === 'e').sort((a, b) => a.ts - b.ts);
  // Span ids are reused, so spans are matched per thread and id, innermost first.
  const open = new Map<string, { name: string; ts: number; type?: string; wait: number }[]>();
  const out: KeyLatency[] = [];
  for (const e of sorted) {
    const key = `${e.tid ?? ''}:${e.id2?.local ?? e.id2?.global ?? e.id ?? ''}`;
    let stack = open.get(key);
    if (!stack) open.set(key, (stack = []));
    if (e.ph === 'b') {
      stack.push({ name: e.name, ts: e.ts, type: e.args?.event_latency?.event_type, wait: 0 });
      continue;
    }
    const at = stack.map((s) => s.name).lastIndexOf(e.name);
    if (at < 0) continue;
    const [span] = stack.splice(at, 1);
    const ms = (e.ts - span.ts) / 1000;
    if (span.name === WAIT_STAGE) {
      const parent = [...stack].reverse().find((s) => s.name === 'EventLatency');
      if (parent) parent.wait += ms;
    } else if (span.name === 'EventLatency' && span.type === eventType) {
      out.push({ total: ms, frameWait: span.wait });
    }
  }
  return out;
}
