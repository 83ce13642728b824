// Practice: the student works out the next backward step before it is shown.
import { useState } from 'react';
import { formatNumber } from '../formulas/number';
import { chainRuleTex, localRuleTex, partialTex } from '../formulas/stepTex';
import { checkStep, isQuizStep, score } from '../store/practice';
import { useVisualizer } from '../store/context';
import { nodeName } from './describe';
import { Formula } from './Formula';
import { useT } from './useT';

export function PracticeScore() {
  const practice = useVisualizer((s) => s.practice);
  const answers = useVisualizer((s) => s.answers);
  const t = useT();
  if (!practice) return null;
  const { right, total } = score(answers);
  return (
    <span className="practice-score" data-testid="practice-score">
      {t('practice.score', { right, total })}
    </span>
  );
}

export function PracticeCard() {
  const compiled = useVisualizer((s) => s.compiled);
  const step = useVisualizer((s) => s.step);
  const practice = useVisualizer((s) => s.practice);
  const answers = useVisualizer((s) => s.answers);
  const submit = useVisualizer((s) => s.submitAnswer);
  const next = useVisualizer((s) => s.next);
  const t = useT();
  const upcoming = step + 1;
  const [typed, setTyped] = useState<{ step: number; fields: { local: string; sent: string }[] }>({ step: -1, fields: [] });
  if (!practice || !compiled || !isQuizStep(compiled, upcoming)) return null;
  const s = compiled.trace.steps[upcoming];
  if (s.kind !== 'backward') return null;
  const { graph, trace } = compiled;
  const fields = typed.step === upcoming ? typed.fields : s.contributions.map(() => ({ local: '', sent: '' }));
  const results = answers[upcoming];
  const set = (k: number, key: 'local' | 'sent', value: string) => {
    const copy = fields.map((f) => ({ ...f }));
    copy[k][key] = value;
    setTyped({ step: upcoming, fields: copy });
  };
  const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'right' : 'wrong');
  return (
    <form
      className="practice-card"
      data-testid="practice-card"
      onSubmit={(e) => {
        e.preventDefault();
        if (results) next();
        else submit(upcoming, checkStep(compiled, upcoming, fields));
      }}
    >
      <h3>{t('practice.title')}</h3>
      <p>{t('practice.prompt', { node: nodeName(graph, s.node), grad: formatNumber(s.grad) })}</p>
      {s.contributions.map((c, k) => (
        <fieldset key={c.edge} className="practice-row">
          <legend>{t('practice.toInput', { input: nodeName(graph, c.to) })}</legend>
          <label className={mark(results?.[k]?.local)}>
            <Formula tex={`${partialTex(graph, s.node, c.to)} =`} />
            <input
              inputMode="decimal"
              value={fields[k]?.local ?? ''}
              onChange={(e) => set(k, 'local', e.target.value)}
              disabled={!!results}
              aria-label={t('practice.localLabel', { input: nodeName(graph, c.to) })}
              data-testid={`practice-local-${k}`}
            />
          </label>
          <label className={mark(results?.[k]?.sent)}>
            <span>{t('practice.sent', { grad: formatNumber(s.grad) })}</span>
            <input
              inputMode="decimal"
              value={fields[k]?.sent ?? ''}
              onChange={(e) => set(k, 'sent', e.target.value)}
              disabled={!!results}
              aria-label={t('practice.sentLabel', { input: nodeName(graph, c.to) })}
              data-testid={`practice-sent-${k}`}
            />
          </label>
          {results && (
            <div className="practice-working" data-testid={`practice-working-${k}`}>
              <span className={results[k].local && results[k].sent ? 'verdict right' : 'verdict wrong'}>
                {results[k].local && results[k].sent ? t('practice.right') : t('practice.wrong')}
              </span>
              <Formula tex={localRuleTex(graph, s.node, c.slot, c.local)} display />
              {s.node !== graph.output && <Formula tex={chainRuleTex(graph, trace, upcoming, k)} display />}
            </div>
          )}
        </fieldset>
      ))}
      <div className="practice-actions">
        {results ? (
          <button type="submit">{t('practice.continue')}</button>
        ) : (
          <>
            <button type="submit">{t('practice.check')}</button>
            <button type="button" onClick={() => submit(upcoming, s.contributions.map(() => ({ local: false, sent: false })))}>
              {t('practice.reveal')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}

export function PracticeToggle() {
  const practice = useVisualizer((s) => s.practice);
  const setPractice = useVisualizer((s) => s.setPractice);
  const t = useT();
  return (
    <button type="button" aria-pressed={practice} onClick={() => setPractice(!practice)} data-testid="practice-toggle">
      {t('practice.toggle')}
    </button>
  );
}
