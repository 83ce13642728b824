import { describe, expect, it } from 'vitest';
import { keyLatencies, type TraceEvent } from './eventLatency';

const span = (name: string, b: number, e: number, local = '0x1', type?: string): TraceEvent[] => [
  { name, ph: 'b', ts: b * 1000, tid: 7, id2: { local }, args: type ? { event_latency: { event_type: type } } : {} },
  { name, ph: 'e', ts: e * 1000, tid: 7, id2: { local } },
];

describe('keyLatencies', () => {
  it('reads each key press span and the waits for the frame clock nested in it', () => {
    const events = [
      ...span('EventLatency', 100, 121, '0x1', 'KEY_PRESSED'),
      ...span('RendererMainProcessing', 101, 104),
      ...span('RendererMainFinishedToBeginImplFrame', 104, 113),
      ...span('SendBeginMainFrameToCommit', 113, 117),
      ...span('EndActivateToSubmitCompositorFrame', 118, 119.5),
      ...span('SubmitCompositorFrameToPresentationCompositorFrame', 119.5, 121),
      ...span('ReceiveCompositorFrameToStartDraw', 119.6, 120),
      // A release is not a step.
      ...span('EventLatency', 105, 106, '0x9', 'KEY_RELEASED'),
      // The same span id again for the next press.
      ...span('EventLatency', 200, 212.5, '0x1', 'KEY_PRESSED'),
      ...span('RendererMainProcessing', 201, 203),
    ];
    expect(keyLatencies(events)).toEqual([
      { total: 21, frameWait: 10.9 },
      { total: 12.5, frameWait: 0 },
    ]);
  });

  it('ignores spans that never end', () => {
    expect(keyLatencies(span('EventLatency', 1, 2, '0x1', 'KEY_PRESSED').slice(0, 1))).toEqual([]);
  });
});
