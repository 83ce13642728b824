// Practice: the student works out the next backward step before it is shown.
import { useState } from 'react';
import { formatNumber } from '../formulas/number';
import { chainRuleTex, localRuleTex, partialTex } from '../formulas/stepTex';
import { shapeText } from '../engine/tensor/tensor';
import { entryGradient, entryGradTex, indexTex } from '../formulas/entryTex';
import { matrixRuleTex } from '../formulas/tensorTex';
import { allRight, askedContributions, checkStep, isQuizStep, isTensorQuiz, isTensorResult, practiceEntry, revealedStep, score, type TensorResult, type Typed } from '../store/practice';
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
  const [typed, setTyped] = useState<{ step: number; fields: Typed[] }>({ step: -1, fields: [] });
  if (!practice || !compiled || !isQuizStep(compiled, upcoming)) return null;
  const s = compiled.trace.steps[upcoming];
  if (s.kind !== 'backward') return null;
  const { graph, trace } = compiled;
  const tensor = isTensorQuiz(compiled, upcoming);
  // Only contributions to variables are asked (a constant's gradient is not a question); fields and
  // results follow that list, while test ids keep the contribution's index in the step.
  const asked = askedContributions(compiled, upcoming);
  const fields: Typed[] = typed.step === upcoming ? typed.fields : asked.map(() => ({}));
  const results = answers[upcoming];
  const set = (i: number, key: keyof Typed, value: string) => {
    const copy = asked.map((_, j) => ({ ...fields[j] }));
    copy[i] = { ...copy[i], [key]: value };
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
      <p>
        {tensor
          ? t('practice.promptTensor', { node: nodeName(graph, s.node), shape: shapeText(s.gradTensor.shape) })
          : t('practice.prompt', { node: nodeName(graph, s.node), grad: formatNumber(s.grad) })}
      </p>
      {asked.map(({ c, k }, i) => {
        const result = results?.[i];
        if (tensor) {
          return (
            <TensorQuestion
              key={c.edge}
              k={k}
              step={upcoming}
              to={c.to}
              edge={c.edge}
              slot={c.slot}
              node={s.node}
              element={practiceEntry(compiled, upcoming, k)}
              typed={fields[i] ?? {}}
              onType={(key, value) => set(i, key, value)}
              result={result && isTensorResult(result) ? result : undefined}
            />
          );
        }
        const scalar = result && !isTensorResult(result) ? result : undefined;
        return (
          <fieldset key={c.edge} className="practice-row">
            <legend>{t('practice.toInput', { input: nodeName(graph, c.to) })}</legend>
            <label className={mark(scalar?.local)}>
              <Formula tex={`${partialTex(graph, s.node, c.to)} =`} />
              <input
                inputMode="decimal"
                value={fields[i]?.local ?? ''}
                onChange={(e) => set(i, 'local', e.target.value)}
                disabled={!!results}
                aria-label={t('practice.localLabel', { input: nodeName(graph, c.to) })}
                data-testid={`practice-local-${k}`}
              />
            </label>
            <label className={mark(scalar?.sent)}>
              <span>{t('practice.sent', { grad: formatNumber(s.grad) })}</span>
              <input
                inputMode="decimal"
                value={fields[i]?.sent ?? ''}
                onChange={(e) => set(i, 'sent', e.target.value)}
                disabled={!!results}
                aria-label={t('practice.sentLabel', { input: nodeName(graph, c.to) })}
                data-testid={`practice-sent-${k}`}
              />
            </label>
            {scalar && (
              <div className="practice-working" data-testid={`practice-working-${k}`}>
                <span className={allRight(scalar) ? 'verdict right' : 'verdict wrong'}>{allRight(scalar) ? t('practice.right') : t('practice.wrong')}</span>
                <Formula tex={localRuleTex(graph, s.node, c.slot, c.local)} display />
                {s.node !== graph.output && <Formula tex={chainRuleTex(graph, trace, upcoming, k)} display />}
              </div>
            )}
          </fieldset>
        );
      })}
      <div className="practice-actions">
        {results ? (
          <button type="submit">{t('practice.continue')}</button>
        ) : (
          <>
            <button type="submit">{t('practice.check')}</button>
            <button type="button" onClick={() => submit(upcoming, revealedStep(compiled, upcoming))}>
              {t('practice.reveal')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}

/** A tensor step's question for one input: the shape of what it receives, and one entry of it. */
function TensorQuestion(props: {
  k: number;
  step: number;
  to: number;
  edge: number;
  slot: number;
  node: number;
  element: number;
  typed: Typed;
  onType: (key: keyof Typed, value: string) => void;
  result: TensorResult | undefined;
}) {
  const { k, step, to, edge, slot, node, element, typed, onType, result } = props;
  const compiled = useVisualizer((s) => s.compiled);
  const t = useT();
  if (!compiled) return null;
  const { graph, trace } = compiled;
  const input = graph.nodes[to];
  const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'right' : 'wrong');
  const entry = entryGradient(graph, trace, to, element, step).contributions.find((x) => x.edge === edge);
  const entryName = indexTex(input.shape, element);
  return (
    <fieldset className="practice-row">
      <legend>{t('practice.toInput', { input: nodeName(graph, to) })}</legend>
      <label className={mark(result?.shape)}>
        <span>{t('practice.shape')}</span>
        <input
          value={typed.shape ?? ''}
          onChange={(e) => onType('shape', e.target.value)}
          disabled={!!result}
          size={6}
          aria-label={t('practice.shapeLabel', { input: nodeName(graph, to) })}
          data-testid={`practice-shape-${k}`}
        />
      </label>
      <label className={mark(result?.entry)}>
        <Formula tex={`${entryGradTex(graph, to, element)} =`} />
        <input
          inputMode="decimal"
          value={typed.entry ?? ''}
          onChange={(e) => onType('entry', e.target.value)}
          disabled={!!result}
          aria-label={t('practice.entryLabel', { input: nodeName(graph, to), entry: entryName || '1' })}
          data-testid={`practice-entry-${k}`}
        />
      </label>
      {result && (
        <div className="practice-working" data-testid={`practice-working-${k}`}>
          <span className={allRight(result) ? 'verdict right' : 'verdict wrong'}>{allRight(result) ? t('practice.right') : t('practice.wrong')}</span>
          <Formula tex={matrixRuleTex(graph, node, slot)} display />
          {entry && <Formula tex={entry.tex} display />}
        </div>
      )}
    </fieldset>
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
