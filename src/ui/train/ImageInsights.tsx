// For image sets: each output unit's weights over the pixels drawn as an image
// (small multiples, ConvNetJS-style), the confusion matrix of the test split,
// and the test images the model gets most wrong.
import { memo, useEffect, useRef } from 'react';
import { useVisualizer } from '../../store/context';
import { useRun } from './runView';
import { useT } from '../useT';
import { className } from './classNames';

/** Draws values as a grey image (0..1) or, `signed`, blue for negative and vermillion for positive. */
function Pixels({ values, shape, signed, label, testId }: { values: ArrayLike<number>; shape: readonly [number, number]; signed: boolean; label: string; testId?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [h, w] = shape;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(w, h);
    let scale = 0;
    if (signed) for (let i = 0; i < values.length; i++) scale = Math.max(scale, Math.abs(values[i]));
    for (let i = 0; i < w * h; i++) {
      const v = values[i] ?? 0;
      let rgb: [number, number, number];
      if (signed) {
        const s = scale > 0 ? v / scale : 0;
        // Okabe–Ito blue (#0072B2) below zero, vermillion (#D55E00) above, white at zero.
        rgb = s < 0 ? [255 + (0 - 255) * -s, 255 + (114 - 255) * -s, 255 + (178 - 255) * -s] : [255 + (213 - 255) * s, 255 + (94 - 255) * s, 255 + (0 - 255) * s];
      } else {
        const g = 255 * (1 - v);
        rgb = [g, g, g];
      }
      img.data.set([rgb[0], rgb[1], rgb[2], 255], 4 * i);
    }
    ctx.putImageData(img, 0, 0);
  }, [values, w, h, signed]);
  return <canvas ref={ref} width={w} height={h} className="pixels" role="img" aria-label={label} data-testid={testId} />;
}

export const ImageInsights = memo(function ImageInsights() {
  const insights = useRun((s) => s.insights);
  const dataset = useRun((s) => s.info?.dataset ?? null);
  const params = useRun((s) => s.info?.params ?? null);
  // The test images themselves are in the page's own copy of the data set.
  const test = useVisualizer((s) => (s.compiled?.graph.data?.dataset.name === dataset?.name ? s.compiled?.graph.data?.dataset.test ?? null : null));
  const t = useT();
  if (!dataset?.imageShape || !insights) return null;
  const shape = dataset.imageShape;
  const classes = dataset.classes ?? 0;
  const name = (k: number) => className(t, dataset.name, k);
  const confusion = insights.confusion;
  const features = dataset.features;
  // One image per class when the matrix maps pixels straight to the class scores (softmax regression);
  // otherwise each image is a hidden unit of the first layer.
  const weightShape = insights.weights ? params?.find((p) => p.name === insights.weights?.param)?.shape : undefined;
  const perClass = weightShape?.[1] === classes;
  return (
    <div className="image-insights" data-insights-iteration={insights.iteration}>
      {insights.weights && (
        <section>
          <h3>{t(perClass ? 'train.weightsTitle' : 'train.weightsHiddenTitle', { param: insights.weights.param, shown: insights.weights.images.length, count: weightShape?.[1] ?? 0 })}</h3>
          <p className="muted small">{t(perClass ? 'train.weightsExplain' : 'train.weightsHiddenExplain')}</p>
          <div className="weight-grid" data-testid="weight-images" style={{ gridTemplateColumns: `repeat(${insights.weights.images.length % 4 === 0 ? 4 : 5}, minmax(0, 1fr))` }}>
            {insights.weights.images.map((img, k) => (
              <figure key={k}>
                <Pixels values={img} shape={shape} signed label={t('train.weightsOf', { name: perClass ? name(k) : t('train.unit', { k: k + 1 }) })} />
                <figcaption>{perClass ? name(k) : t('train.unit', { k: k + 1 })}</figcaption>
              </figure>
            ))}
          </div>
        </section>
      )}
      {confusion && classes > 0 && (
        <section>
          <h3>{t('train.confusionTitle')}</h3>
          <p className="muted small">{t('train.confusionExplain')}</p>
          <div className="confusion-wrap">
            <table className="confusion" data-testid="confusion">
              <thead>
                <tr>
                  <th scope="col" className="corner">
                    {t('train.trueVsPredicted')}
                  </th>
                  {Array.from({ length: classes }, (_, p) => (
                    <th key={p} scope="col" title={name(p)}>
                      {dataset.name === 'fashion' ? p : name(p)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {Array.from({ length: classes }, (_, r) => {
                  let total = 0;
                  for (let p = 0; p < classes; p++) total += confusion[r * classes + p];
                  return (
                    <tr key={r}>
                      <th scope="row">{dataset.name === 'fashion' ? `${r} ${name(r)}` : name(r)}</th>
                      {Array.from({ length: classes }, (_, p) => {
                        const n = confusion[r * classes + p];
                        const share = total ? n / total : 0;
                        return (
                          <td key={p} className={r === p ? 'hit' : n > 0 ? 'miss' : ''} style={{ ['--share' as string]: share.toFixed(3) }}>
                            {n}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {insights.worst.length > 0 && test && (
        <section>
          <h3>{t('train.worstTitle')}</h3>
          <div className="worst-grid" data-testid="worst-examples">
            {insights.worst.map((w) => (
              <figure key={w.row} data-label={w.label} data-predicted={w.predicted}>
                <Pixels values={test.x.subarray(w.row * features, (w.row + 1) * features)} shape={shape} signed={false} label={t('train.worstOf', { truth: name(w.label), predicted: name(w.predicted) })} />
                <figcaption>
                  <span className="truth">{name(w.label)}</span>
                  <span className="predicted">→ {w.predicted >= 0 ? name(w.predicted) : '?'}</span>
                </figcaption>
              </figure>
            ))}
          </div>
        </section>
      )}
    </div>
  );
});
