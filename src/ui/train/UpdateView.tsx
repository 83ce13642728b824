// The update of one parameter entry written out with its numbers: which entry
// (a select, or a click on an entry in the graph), then the optimizer's lines.
import type { UpdateRecord } from '../../engine/optim';
import { entryTex, entryText, updateLines } from '../../formulas/updateTex';
import { useTraining, useTrainingStore } from '../../store/context';
import { formatNumber } from '../../formulas/number';
import { useRun } from './runView';
import { Formula } from '../Formula';
import { useT } from '../useT';

/** A stable empty list (a store selector must not return a new array each time). */
const NO_PARAMS: readonly { id: string; name: string; shape: readonly number[] }[] = [];

/** The lines of one update, each typeset; the exact numbers are in data attributes. */
export function UpdateFormula({ update, name, shape, testId = 'update-formula' }: { update: UpdateRecord; name: string; shape: readonly number[]; testId?: string }) {
  const lines = updateLines(update, entryTex(name, shape, update.index));
  return (
    <div
      className="update-formula"
      data-testid={testId}
      data-entry={entryText(name, shape, update.index)}
      data-kind={update.kind}
      data-theta={String(update.theta)}
      data-grad={String(update.grad)}
      data-theta-new={String(update.thetaNew)}
    >
      {lines.map((tex) => (
        <div key={tex}>
          <Formula tex={tex} display />
        </div>
      ))}
    </div>
  );
}

/** Picks a parameter entry: a select of the parameters, and row and column for a vector or matrix (1-based). */
function EntryPicker() {
  const params = useTraining((s) => s.info?.params ?? NO_PARAMS);
  const watch = useTraining((s) => s.watch);
  const training = useTrainingStore();
  const t = useT();
  const param = params.find((p) => p.id === watch?.id) ?? params[0];
  if (!param) return null;
  const index = watch?.id === param.id ? watch.index : 0;
  const [rows, cols] = param.shape.length === 2 ? param.shape : [param.shape[0] ?? 1, 1];
  const row = param.shape.length === 2 ? Math.floor(index / cols) : index;
  const col = param.shape.length === 2 ? index % cols : 0;
  const set = (id: string, i: number) => training.getState().setWatch({ id, index: i });
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, Math.floor(v) || 0));
  return (
    <div className="entry-picker">
      <label className="train-field">
        <span>{t('train.watchParam')}</span>
        <select value={param.id} onChange={(e) => set(e.target.value, 0)} data-testid="watch-param">
          {params.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {param.shape.length >= 1 && (
        <label className="train-field">
          <span>{param.shape.length === 2 ? t('train.row') : t('train.entry')}</span>
          <input
            type="number"
            min={1}
            max={rows}
            value={row + 1}
            onChange={(e) => set(param.id, param.shape.length === 2 ? clamp(Number(e.target.value) - 1, rows) * cols + col : clamp(Number(e.target.value) - 1, rows))}
            data-testid="watch-row"
          />
        </label>
      )}
      {param.shape.length === 2 && (
        <label className="train-field">
          <span>{t('train.col')}</span>
          <input type="number" min={1} max={cols} value={col + 1} onChange={(e) => set(param.id, row * cols + clamp(Number(e.target.value) - 1, cols))} data-testid="watch-col" />
        </label>
      )}
    </div>
  );
}

export function UpdateView() {
  const update = useRun((s) => s.update);
  const watch = useRun((s) => s.watch);
  const params = useRun((s) => s.info?.params ?? NO_PARAMS);
  const t = useT();
  const param = params.find((p) => p.id === watch?.id);
  const running = useRun((s) => s.status === 'running');
  const current = update && watch && update.name === watch.id && update.index === watch.index ? update : null;
  return (
    <section className="update-view" aria-labelledby="update-title">
      <h3 id="update-title">{t('train.updateTitle')}</h3>
      <EntryPicker />
      {!current || !param ? (
        <p className="muted small">{t('train.updateWaiting')}</p>
      ) : running ? (
        // While running, the numbers in one line; typesetting the whole update several times a second would be most of the page's work.
        <p className="update-running" data-testid="update-running">
          {t('train.updateRunning', { entry: entryText(param.name, param.shape, current.index), theta: formatNumber(current.theta), next: formatNumber(current.thetaNew), grad: formatNumber(current.grad) })}
        </p>
      ) : (
        <UpdateFormula update={current} name={param.name} shape={param.shape} />
      )}
    </section>
  );
}
