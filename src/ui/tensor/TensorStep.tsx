// The step panel at a vector or matrix node: the rule in matrix form with the
// shape under each factor, the numbers as small matrices (shapes only when they
// are too large), the batch sum where the forward pass broadcast an input, and
// (P − T)/N for softmax with cross-entropy. StepPanel delegates here.
import { OPS, type Compiled, type Contribution } from '../../engine';
import { rowsCols, shapeKey } from '../../engine/tensor/tensor';
import { fitsWritten } from '../../formulas/matrixTex';
import { tensorContributionTex, tensorForwardTex } from '../../formulas/tensorTex';
import type { MessageKey } from '../../i18n';
import { nodeName, ruleKey } from '../describe';
import { shapeWords } from '../errorText';
import { Formula } from '../Formula';
import { useT } from '../useT';
import './tensor.css';
import { useVisualizer } from '../../store/context';

/** A forward step making a vector or matrix: its definition with shapes, then with numbers when they fit. */
export function TensorForward({ compiled, node }: { compiled: Compiled; node: number }) {
  const t = useT();
  const { shapes, numbers } = tensorForwardTex(compiled.graph, node);
  return (
    <>
      <p>{t('step.forward', { node: nodeName(compiled.graph, node) })}</p>
      <div className="formula-block tensor-forward" data-testid="formula">
        <div data-testid="tensor-shapes">
          <Formula tex={shapes} display />
        </div>
        {numbers ? (
          <div data-testid="tensor-numbers">
            <Formula tex={numbers} display />
          </div>
        ) : (
          <p className="muted small">{t('tensor.tooBig')}</p>
        )}
      </div>
    </>
  );
}

/** Why a broadcast input's gradient is a sum, in words. */
function broadcastKey(compiled: Compiled, node: number, c: Contribution): MessageKey {
  const out = compiled.graph.nodes[node].shape;
  const { summed } = c.tensors;
  if (summed.length === out.length) return 'tensor.broadcast.all';
  if (summed[0] === 1) return 'tensor.broadcast.columns';
  return OPS[compiled.graph.nodes[node].op].rule === 'distributes' ? 'tensor.broadcast.rowsAdded' : 'tensor.broadcast.rows';
}

function ContributionView({ compiled, step, k, c, node }: { compiled: Compiled; step: number; k: number; c: Contribution; node: number }) {
  const t = useT();
  const locale = useVisualizer((s) => s.locale);
  const { graph, trace } = compiled;
  const parts = tensorContributionTex(graph, trace, step, k);
  if (!parts) return null;
  const visited = graph.nodes[node];
  const tooBig = [node, ...visited.inputs].some((i) => !fitsWritten(graph.nodes[i].shape));
  const input = graph.nodes[c.to];
  const crossEntropy = OPS[visited.op].rule === 'softmaxCrossEntropy' && c.slot === 0;
  return (
    <section className="tensor-contribution" data-testid={`tensor-contribution-${k}`} data-to={input.id} data-summed={parts.summed.join(',')}>
      <h3>{t('tensor.toInput', { input: nodeName(graph, c.to), shape: shapeWords(locale, shapeKey(input.shape)) })}</h3>
      <div className="matrix-rule" data-testid="matrix-rule">
        <Formula tex={parts.rule} display />
      </div>
      {crossEntropy && <p>{t('tensor.crossEntropy', { rows: rowsCols(input.shape)[0] })}</p>}
      {parts.probabilities && (
        <div data-testid="probabilities">
          <Formula tex={parts.probabilities} display />
        </div>
      )}
      {parts.numbers && (
        <div className="matrix-numbers" data-testid="matrix-numbers">
          <Formula tex={parts.numbers} display />
        </div>
      )}
      {tooBig && !parts.numbers && <p className="muted small">{t('tensor.tooBig')}</p>}
      {parts.batchSum && (
        <div className="batch-sum" data-testid="batch-sum">
          <p>{t(broadcastKey(compiled, node, c), { input: nodeName(graph, c.to), output: nodeName(graph, node) })}</p>
          <Formula tex={parts.batchSum} display />
        </div>
      )}
    </section>
  );
}

/** A backward step at a tensor node: the rule in words, then what each input receives, in matrix form. */
export function TensorBackward({ compiled, step }: { compiled: Compiled; step: number }) {
  const t = useT();
  const s = compiled.trace.steps[step];
  if (s?.kind !== 'backward') return null;
  const { graph } = compiled;
  const rule = OPS[graph.nodes[s.node].op].ruleTex.join(',\\quad ');
  return (
    <div className="tensor-step" data-testid="tensor-step">
      <div className="rule" data-testid="rule">
        <h3>{t('tensor.matrixRule')}</h3>
        <p title={rule || undefined}>{t(ruleKey(graph, s.node))}</p>
      </div>
      {s.contributions.map((c, k) => (
        <ContributionView key={c.edge} compiled={compiled} step={step} k={k} c={c} node={s.node} />
      ))}
    </div>
  );
}
