// While the stepper shows one training iteration: what it is (iteration, epoch,
// batch) and the way back; at the end of its backward pass, the update that follows.
import { useEffect } from 'react';
import { useTraining, useTrainingStore, useVisualizer } from '../../store/context';
import { useT } from '../useT';
import { UpdateFormula } from './UpdateView';

/** A stable empty list (a store selector must not return a new array each time). */
const NO_PARAMS: readonly { id: string; name: string; shape: readonly number[] }[] = [];

export function IterationBanner() {
  const view = useVisualizer((s) => s.iterationView);
  const close = useVisualizer((s) => s.closeIteration);
  const t = useT();
  if (!view) return null;
  const text =
    view.epoch !== null && view.batchIndex !== null
      ? t('iteration.banner', { iteration: view.iteration, epoch: view.epoch + 1, batch: view.batchIndex + 1, rows: view.rows ?? 0 })
      : t('iteration.bannerNoData', { iteration: view.iteration });
  return (
    <div className="notice iteration-banner" role="status" data-testid="iteration-banner" data-iteration={view.iteration}>
      <span>{text}</span>{' '}
      <button type="button" onClick={close} data-testid="iteration-close">
        {t('iteration.back')}
      </button>
    </div>
  );
}

/**
 * At the last step of an opened iteration: the update of the watched entry that
 * follows this backward pass (its g is the gradient the graph now shows).
 */
export function IterationUpdate() {
  const view = useVisualizer((s) => s.iterationView);
  const atEnd = useVisualizer((s) => s.compiled !== null && s.step >= s.compiled.trace.end);
  const params = useTraining((s) => s.info?.params ?? NO_PARAMS);
  const watch = useTraining((s) => s.watch);
  const training = useTrainingStore();
  const setUpdate = useVisualizer((s) => s.setIterationUpdate);
  const t = useT();
  const update = view?.update ?? null;
  // The same gradient from the page's own backward pass of this iteration's batch.
  const traced = useVisualizer((s) => {
    const node = update ? s.compiled?.graph.nodes.find((n) => n.id === update.name) : undefined;
    return node && s.compiled ? s.compiled.trace.finalGrads[node.index].data[update!.index] : null;
  });
  // Another entry chosen while the iteration is open: fetch its update for this iteration.
  useEffect(() => {
    if (!view || !watch || (update && update.name === watch.id && update.index === watch.index)) return;
    let current = true;
    training
      .getState()
      .openIteration(view.iteration)
      .then((opened) => current && opened.iteration === view.iteration && setUpdate(opened.update))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [view, watch, update, training, setUpdate]);
  if (!view || !atEnd || !update) return null;
  const param = params.find((p) => p.id === update.name);
  if (!param) return null;
  return (
    <section className="iteration-update" data-testid="iteration-update" data-traced-grad={traced === null ? undefined : String(traced)}>
      <h3>{t('iteration.updateTitle', { iteration: view.iteration })}</h3>
      <p>{t('iteration.updateExplain')}</p>
      <UpdateFormula update={update} name={param.name} shape={param.shape} testId="iteration-update-formula" />
    </section>
  );
}
