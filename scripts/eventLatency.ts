// Keypress-to-screen latency read from a Chromium trace (category `input`).
//
// For every input event Chromium records an `EventLatency` span, from the
// moment the key was generated to the moment the frame showing its effect was
// presented, with nested stages. Three of the stages are waits for the frame
// clock (vsync): for the next frame to begin once the page has handled the key,
// for the compositor's draw deadline, and for the display's. They depend on where
// in the 16.7 ms cycle the key arrived and on whether the page was already
// animating (then every frame waits for the clock, as on a real display), not on
// how much the step costs, so they are reported apart from the rest (the work).

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
  /** Waiting for the frame clock, ms (the stages in WAIT_STAGES). */
  frameWait: number;
}

const WAIT_STAGES = new Set(['RendererMainFinishedToBeginImplFrame', 'EndActivateToSubmitCompositorFrame', 'ReceiveCompositorFrameToStartDraw']);

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
    if (WAIT_STAGES.has(span.name)) {
      const parent = [...stack].reverse().find((s) => s.name === 'EventLatency');
      if (parent) parent.wait += ms;
    } else if (span.name === 'EventLatency' && span.type === eventType) {
      out.push({ total: ms, frameWait: span.wait });
    }
  }
  return out;
}
