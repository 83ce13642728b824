// The decision boundary of a 2-D classifier, redrawn as it learns (the view
// TensorFlow Playground is known for): a canvas, painted when a new boundary
// arrives (at most four times a second while training).
import { useEffect, useRef } from 'react';
import { useRun } from './runView';
import { useT } from '../useT';
import { CLASS_COLORS, paintBoundary } from './boundaryPaint';

const SIZE = 320;

export function BoundaryView() {
  const boundary = useRun((s) => s.boundary);
  const points = useRun((s) => s.info?.dataset?.points ?? null);
  const classes = useRun((s) => s.info?.dataset?.classes ?? 2);
  const iteration = useRun((s) => s.iteration);
  const canvas = useRef<HTMLCanvasElement>(null);
  const t = useT();
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    performance.mark('chainstep:boundary-paint-start');
    paintBoundary(ctx, SIZE, boundary, points, classes);
    performance.measure('chainstep:boundary-paint', 'chainstep:boundary-paint-start');
  }, [boundary, points, classes]);
  if (!points) return null;
  return (
    <figure className="boundary" data-testid="boundary">
      <canvas ref={canvas} width={SIZE} height={SIZE} role="img" aria-label={t('train.boundaryLabel', { iteration })} data-boundary-iteration={boundary ? iteration : undefined} />
      <figcaption className="small">
        {Array.from({ length: classes }, (_, c) => (
          <span key={c} className="boundary-key">
            <span className="dot" style={{ background: CLASS_COLORS[c % CLASS_COLORS.length] }} /> {t('train.class', { k: c })}
          </span>
        ))}
        <span className="boundary-key">
          <span className="dot train" /> {t('train.pointsTrain')}
        </span>
        <span className="boundary-key">
          <span className="dot test" /> {t('train.pointsTest')}
        </span>
      </figcaption>
    </figure>
  );
}
