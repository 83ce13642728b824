// A value that follows another one a frame late: the new value is rendered only
// after the browser has painted the frame that the change itself produced.
// With `quietMs`, changes that come in quick succession (a key held down, fast
// playback) are shown once they stop for that long, instead of one by one.
// With `settleMs`, the new value also waits until that long after the change:
// where frames are not paced by a display (headless Chromium, a busy laptop), the
// second animation frame can come before the first frame is on screen.
//
// The step panel uses it so that a step's graph change reaches the screen
// without waiting for the KaTeX of the explanation (React's useDeferredValue
// renders in a task that usually runs before that frame, so it delays it), and
// so that typesetting an explanation nobody can read does not slow the steps.
import { useEffect, useRef, useState } from 'react';

export function useAfterPaint<T>(value: T, quietMs = 0, settleMs = 0): T {
  const [shown, setShown] = useState(value);
  const lastChange = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    if (typeof requestAnimationFrame !== 'function') {
      setShown(value);
      return;
    }
    const now = performance.now();
    const rapid = now - lastChange.current < quietMs;
    lastChange.current = now;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const afterPaint = () => {
      // The first animation frame runs before the frame with the change is painted,
      // the second once it has been rastered and shown: only then does the new value
      // compete with it for the processor.
      frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => {
          timer = setTimeout(() => setShown(value), Math.max(0, settleMs - (performance.now() - now)));
        });
      });
    };
    if (rapid) timer = setTimeout(afterPaint, quietMs);
    else afterPaint();
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
    // `shown` is left out on purpose: showing a value must not count as a change.
  }, [value, quietMs, settleMs]);
  return shown;
}
