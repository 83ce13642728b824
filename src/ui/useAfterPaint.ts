// A value that follows another one frame late: the new value is rendered only
// after the browser has painted the frame that the first change produced.
//
// The step panel uses it so that a step's graph change reaches the screen
// without waiting for the KaTeX of the explanation (React's useDeferredValue
// renders in a task that usually runs before that frame, so it delays it).
import { useEffect, useState } from 'react';

export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    if (typeof requestAnimationFrame !== 'function') {
      setShown(value);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The animation frame runs before the paint; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
