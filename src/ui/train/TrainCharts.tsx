// The loss of each mini-batch with the loss on the whole train and test splits,
// and for a classifier the accuracy; a click on a chart picks an iteration (to
// open in the stepper).
import { memo, useRef, type MouseEvent } from 'react';
import type { Evaluation } from '../../engine/training/runner';
import { formatNumber } from '../../formulas/number';
import { useElementSize } from '../useElementSize';
import { useT } from '../useT';
import { iterationAt, linearScale, lossDomain, pathOf, type Box } from './chartGeometry';

/** The chart's frame; its width is the column's, in pixels (text is never stretched). */
const frame = (width: number, height: number, large: boolean): Box => ({ width, height, left: large ? 56 : 44, right: 8, top: 8, bottom: large ? 22 : 18 });

interface ChartProps {
  box: Box;
  /** The last iteration on the x axis. */
  last: number;
  picked: number | null;
  onPick: (iteration: number) => void;
  label: string;
  testId: string;
  yDomain: readonly [number, number];
  yFormat: (v: number) => string;
  lines: readonly { className: string; points: readonly (readonly [number, number])[] }[];
}

function Chart({ box: BOX, last, picked, onPick, label, testId, yDomain, yFormat, lines }: ChartProps) {
  const x = linearScale([0, Math.max(1, last)], [BOX.left, BOX.width - BOX.right]);
  const y = linearScale(yDomain, [BOX.height - BOX.bottom, BOX.top]);
  const pick = (e: MouseEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    onPick(iterationAt(e.clientX, rect.left, rect.width, BOX, last));
  };
  return (
    <svg className="train-chart" width={BOX.width} height={BOX.height} role="img" aria-label={label} data-testid={testId} onClick={pick}>
      <rect className="chart-bg" x={BOX.left} y={BOX.top} width={BOX.width - BOX.left - BOX.right} height={BOX.height - BOX.top - BOX.bottom} />
      <text className="chart-tick" x={BOX.left - 4} y={BOX.top + 8} textAnchor="end">
        {yFormat(yDomain[1])}
      </text>
      <text className="chart-tick" x={BOX.left - 4} y={BOX.height - BOX.bottom} textAnchor="end">
        {yFormat(yDomain[0])}
      </text>
      <text className="chart-tick" x={BOX.left} y={BOX.height - 4}>
        0
      </text>
      <text className="chart-tick" x={BOX.width - BOX.right} y={BOX.height - 4} textAnchor="end">
        {last}
      </text>
      {lines.map((l) => (
        <path key={l.className} className={l.className} d={pathOf(l.points, x, y)} />
      ))}
      {picked !== null && <line className="chart-pick" x1={x(picked)} x2={x(picked)} y1={BOX.top} y2={BOX.height - BOX.bottom} />}
    </svg>
  );
}

interface Props {
  losses: readonly number[];
  lossStride: number;
  evaluations: readonly Evaluation[];
  iteration: number;
  classifier: boolean;
  picked: number | null;
  onPick: (iteration: number) => void;
  /** Chart height in pixels (taller in presentation mode). */
  height?: number;
}

export const TrainCharts = memo(function TrainCharts({ losses, lossStride, evaluations, iteration, classifier, picked, onPick, height = 110 }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const size = useElementSize(ref);
  const box = frame(Math.max(160, Math.floor(size?.width ?? 320)), height, height > 120);
  // Each point of the batch curve is the mean of `lossStride` iterations, drawn at their middle.
  const batch = losses.map((l, i): [number, number] => [i * lossStride + (lossStride - 1) / 2, l]);
  const train = evaluations.map((e): [number, number] => [e.iteration, e.trainLoss]);
  const test = evaluations.filter((e) => e.testLoss !== null).map((e): [number, number] => [e.iteration, e.testLoss as number]);
  const domain = lossDomain([...losses, ...train.map((p) => p[1]), ...test.map((p) => p[1])]);
  const last = Math.max(iteration, 1);
  const trainAcc = evaluations.filter((e) => e.trainAccuracy !== null).map((e): [number, number] => [e.iteration, e.trainAccuracy as number]);
  const testAcc = evaluations.filter((e) => e.testAccuracy !== null).map((e): [number, number] => [e.iteration, e.testAccuracy as number]);
  return (
    <div className="train-charts" ref={ref}>
      <h3>{t('train.lossTitle')}</h3>
      <Chart
        box={box}
        last={last}
        picked={picked}
        onPick={onPick}
        label={t('train.lossChart', { iteration, loss: formatNumber(losses.at(-1) ?? NaN) })}
        testId="loss-chart"
        yDomain={domain}
        yFormat={formatNumber}
        lines={[
          { className: 'curve-batch', points: batch },
          { className: 'curve-train', points: train },
          { className: 'curve-test', points: test },
        ]}
      />
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="key curve-batch" /> {t('train.curveBatch')}
        </li>
        <li>
          <span className="key curve-train" /> {t('train.curveTrain')}
        </li>
        {test.length > 0 && (
          <li>
            <span className="key curve-test" /> {t('train.curveTest')}
          </li>
        )}
      </ul>
      {classifier && (
        <>
          <h3>{t('train.accuracyTitle')}</h3>
          <Chart
            box={box}
            last={last}
            picked={picked}
            onPick={onPick}
            label={t('train.accuracyChart', { accuracy: formatNumber(testAcc.at(-1)?.[1] ?? trainAcc.at(-1)?.[1] ?? NaN) })}
            testId="accuracy-chart"
            yDomain={[0, 1]}
            yFormat={(v) => `${Math.round(v * 100)}%`}
            lines={[
              { className: 'curve-train', points: trainAcc },
              { className: 'curve-test', points: testAcc },
            ]}
          />
        </>
      )}
      <p className="muted small">{t('train.pickHint')}</p>
    </div>
  );
});
