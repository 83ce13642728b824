// The Train tab: the hyperparameters, run / pause / step / reset, the curves,
// the decision boundary or the image views, the update of one entry written
// out, and the ways into the stepper. The run itself lives in the training
// store (above the tabs), so switching tab or language does not stop it.
import { useEffect, useState } from 'react';
import { formatNumber } from '../../formulas/number';
import { useTrainingStore, useVisualizer, useVisualizerStore } from '../../store/context';
import { RunProvider, useRun } from './runView';
import { valueLiteral } from '../../engine';
import { SidePanel } from '../SidePanel';
import { useT } from '../useT';
import { MAX_WRITTEN_NUMBERS, openIterationInStepper, parameterCount, trainedText } from './actions';
import { BoundaryView } from './BoundaryView';
import { ImageInsights } from './ImageInsights';
import type { TrainProblem } from './problems';
import { TrainCharts } from './TrainCharts';
import { TrainSettings } from './TrainSettings';
import { UpdateView } from './UpdateView';
import { useTrainingSync } from './useTrainingSync';

const percent = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(1)}%`);

/** Which data set, how many rows, how the batches go. */
function DataSummary() {
  const dataset = useRun((s) => s.info?.dataset ?? null);
  const t = useT();
  if (!dataset) return null;
  return (
    <p className="data-summary" data-testid="data-summary">
      {t('train.dataSummary', {
        name: t(`data.set.${dataset.name}` as 'data.set.moons'),
        train: dataset.trainRows,
        test: dataset.testRows,
        batch: dataset.batch,
        perEpoch: dataset.perEpoch,
      })}
    </p>
  );
}

/** The latest losses and accuracy. */
function Scores() {
  const last = useRun((s) => s.evaluations.at(-1) ?? null);
  const batchLoss = useRun((s) => s.losses.at(-1) ?? null);
  const t = useT();
  if (!last) return null;
  return (
    <dl className="train-scores">
      {batchLoss !== null && (
        <div>
          <dt>{t('train.curveBatch')}</dt>
          <dd data-testid="batch-loss">{formatNumber(batchLoss)}</dd>
        </div>
      )}
      <div>
        <dt>{t('train.curveTrain')}</dt>
        <dd data-testid="train-loss" data-value={String(last.trainLoss)}>
          {formatNumber(last.trainLoss)}
        </dd>
      </div>
      {last.testLoss !== null && (
        <div>
          <dt>{t('train.curveTest')}</dt>
          <dd data-testid="test-loss" data-value={String(last.testLoss)}>
            {formatNumber(last.testLoss)}
          </dd>
        </div>
      )}
      {last.trainAccuracy !== null && (
        <div>
          <dt>{t('train.trainAccuracy')}</dt>
          <dd data-testid="train-accuracy" data-value={String(last.trainAccuracy)}>
            {percent(last.trainAccuracy)}
          </dd>
        </div>
      )}
      {last.testAccuracy !== null && (
        <div>
          <dt>{t('train.testAccuracy')}</dt>
          <dd data-testid="test-accuracy" data-value={String(last.testAccuracy)}>
            {percent(last.testAccuracy)}
          </dd>
        </div>
      )}
    </dl>
  );
}

/** Why the run stopped, which step and which parameter, and why a smaller learning rate helps. */
function DivergenceNote() {
  const divergence = useRun((s) => s.divergence);
  const lr = useRun((s) => s.settings.lr);
  const t = useT();
  if (!divergence) return null;
  const params = {
    iteration: divergence.iteration,
    loss: formatNumber(divergence.loss),
    param: divergence.parameter ?? t('train.aParameter'),
    lr: formatNumber(lr),
    smaller: formatNumber(lr / 10),
  };
  return (
    <p className="non-finite-note train-divergence" role="status" data-testid="train-divergence" data-iteration={divergence.iteration} data-parameter={divergence.parameter ?? undefined}>
      {t(divergence.reason === 'nonFinite' ? 'train.divergedNonFinite' : 'train.divergedGrowing', params)}
    </p>
  );
}

/** The parameters' current values, when they are few. */
function ParamValues() {
  const params = useRun((s) => s.params);
  const info = useRun((s) => s.info);
  const t = useT();
  if (!params || !info) return null;
  return (
    <table className="numbers" data-testid="param-values">
      <thead>
        <tr>
          <th>{t('train.param')}</th>
          <th>{t('train.value')}</th>
        </tr>
      </thead>
      <tbody>
        {info.params.map((p) => {
          const data = params.get(p.id);
          if (!data) return null;
          const scalar = p.shape.length === 0;
          return (
            <tr key={p.id} data-param={p.name} data-value={scalar ? String(data[0]) : undefined}>
              <td>{p.name}</td>
              <td className="update">{scalar ? formatNumber(data[0]) : valueLiteral({ shape: p.shape, data }, 3).replace(/\n\s*/g, ' ')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function TrainPanel() {
  return (
    <RunProvider>
      <TrainPanelBody />
    </RunProvider>
  );
}

function TrainPanelBody() {
  const t = useT();
  const sync = useTrainingSync();
  const training = useTrainingStore();
  const visualizer = useVisualizerStore();
  const [formProblem, setFormProblem] = useState<TrainProblem | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const status = useRun((s) => s.status);
  const iteration = useRun((s) => s.iteration);
  const epoch = useRun((s) => s.epoch);
  const losses = useRun((s) => s.losses);
  const lossStride = useRun((s) => s.lossStride);
  const evaluations = useRun((s) => s.evaluations);
  const info = useRun((s) => s.info);
  const runError = useRun((s) => s.error);
  const inWorker = useRun((s) => s.inWorker);
  const kernel = useRun((s) => s.kernel);
  const compiled = useVisualizer((s) => s.compiled);
  const programError = useVisualizer((s) => s.error !== null);
  const loading = useVisualizer((s) => s.dataLoad?.status === 'loading');
  const imageSet = Boolean(info?.dataset?.imageShape);
  const large = useVisualizer((s) => s.mode === 'present');
  const classifier = Boolean(info?.dataset?.classes);

  // The image views follow the run: every 1.5 s while it runs, and after each pause or step.
  useEffect(() => {
    if (!imageSet) return;
    const ask = () => training.getState().requestInsights();
    ask();
    if (status !== 'running') return;
    const timer = window.setInterval(ask, 1500);
    return () => window.clearInterval(timer);
  }, [imageSet, status, status === 'running' ? 0 : iteration, training]);

  // A picked iteration beyond a new run's end is forgotten.
  useEffect(() => {
    if (picked !== null && picked > iteration) setPicked(null);
  }, [picked, iteration]);

  const problem = formProblem ?? sync.problem;
  const live = status === 'paused' || status === 'running' || status === 'diverged';
  const runningNow = status === 'running';
  const count = info ? parameterCount(info.params) : 0;
  const openAt = picked ?? iteration;

  let notice: string | null = null;
  if (loading) notice = t('train.waitingForData');
  else if (programError && !sync.ready) notice = t(sync.stale || status !== 'idle' ? 'train.programErrorKept' : 'train.programError');

  return (
    <SidePanel id="training" title={t('train.title')} explain={t('train.explain')}>
      <DataSummary />
      <TrainSettings onProblem={setFormProblem} />
      {problem && (
        <p className="train-problem" role="status" data-testid="train-problem">
          {t(problem.key, problem.params)}
        </p>
      )}
      {notice && (
        <p className="muted" role="status" data-testid="train-notice">
          {notice}
        </p>
      )}
      {sync.stale && (
        <p className="train-stale" data-testid="train-stale">
          {t('train.stale')}{' '}
          <button type="button" onClick={() => training.getState().start(visualizer.getState().text)} disabled={!sync.ready || sync.problem !== null}>
            {t('train.trainThis')}
          </button>
        </p>
      )}
      <div className="train-buttons">
        <button
          type="button"
          className="primary"
          onClick={() => (runningNow ? training.getState().pause() : training.getState().run())}
          disabled={!(status === 'paused' || status === 'running' || status === 'loading') || problem !== null}
          aria-pressed={runningNow}
          data-testid="train-run"
        >
          {runningNow ? t('train.pause') : t('train.run')}
        </button>
        <button type="button" onClick={() => training.getState().step(1)} disabled={status !== 'paused' || problem !== null} data-testid="train-step">
          {t('train.step1')}
        </button>
        <button type="button" onClick={() => training.getState().reset()} disabled={status === 'idle' || status === 'loading'} data-testid="train-reset">
          {t('train.reset')}
        </button>
      </div>
      <p className="train-status" data-testid="train-status" data-iteration={iteration} data-status={status} data-kernel={kernel ?? undefined}>
        {status === 'loading'
          ? t('train.starting')
          : t(info?.dataset ? 'train.statusEpoch' : 'train.statusIteration', { iteration, epoch: epoch + 1 })}
        {inWorker !== null && <span className="muted small"> · {t(inWorker ? 'train.inWorker' : 'train.inPage')}</span>}
      </p>
      <Scores />
      <DivergenceNote />
      {runError && (
        <p className="train-problem" role="status" data-testid="train-error">
          {runError.line !== null ? t('error.position', { line: runError.line, col: runError.col ?? 1, message: runError.message.replace(/^line \d+, col \d+: /, '') }) : runError.message}
        </p>
      )}
      {live && (
        <>
          <div className="train-visuals">
            <BoundaryView />
            <TrainCharts losses={losses} lossStride={lossStride} evaluations={evaluations} iteration={iteration} classifier={classifier} picked={picked} onPick={setPicked} height={large ? 150 : 110} />
          </div>
          <div className="train-open">
            <button
              type="button"
              onClick={() =>
                void openIterationInStepper(visualizer, training, openAt).then((ok) => {
                  if (!ok) setNote(t('train.openFailed'));
                })
              }
              disabled={sync.stale}
              data-testid="open-iteration"
              data-iteration={openAt}
            >
              {t('train.openIteration', { iteration: openAt })}
            </button>
            {picked !== null && (
              <button type="button" onClick={() => setPicked(null)} className="link">
                {t('train.openCurrent')}
              </button>
            )}
          </div>
          <ImageInsights />
          <UpdateView />
          <ParamValues />
          <div className="train-apply">
            <button
              type="button"
              disabled={iteration === 0 || sync.stale || count > MAX_WRITTEN_NUMBERS || !compiled}
              onClick={() => {
                if (!compiled) return;
                void trainedText(visualizer.getState().text, compiled.graph, training).then((next) => {
                  if (next === null) return setNote(t('train.applyFailed'));
                  visualizer.getState().setText(next);
                  // The new program starts from the values just written.
                  training.getState().start(next);
                  setNote(null);
                });
              }}
              data-testid="train-apply"
            >
              {t('train.apply')}
            </button>
            {count > MAX_WRITTEN_NUMBERS && <p className="muted small">{t('train.applyTooMany', { count, max: MAX_WRITTEN_NUMBERS })}</p>}
          </div>
          {note && (
            <p className="muted small" role="status">
              {note}
            </p>
          )}
        </>
      )}
    </SidePanel>
  );
}
