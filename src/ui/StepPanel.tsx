import { useDeferredValue, useState } from 'react';
// What the current step means: in words, the local rule, the chain-rule line
// with numbers, and the running sum at every node that just received a gradient.
import { OPS, setInputValues, type Compiled } from '../engine';
import { accumulationTex, chainRuleTex, forwardTex, localRuleTex, seedTex } from '../formulas/stepTex';
import { useVisualizer } from '../store/context';
import { formatNumber, texNumber } from '../formulas/number';
import { nodeTex as nodeTexName } from '../formulas/nodeTex';
import { findGroups } from '../graph/groups';
import { nodeName, ruleKey } from './describe';
import { Formula } from './Formula';
import { PracticeCard } from './PracticeCard';
import { useT } from './useT';

/** The op's rule in general form (a, b inputs, o output), for reference. */
function ruleTexOf(compiled: Compiled, node: number): string | null {
  const spec = OPS[compiled.graph.nodes[node].op];
  return spec.ruleTex.length ? spec.ruleTex.join(',\\quad ') : null;
}

export function StepPanel({ large = false }: { large?: boolean }) {
  const compiled = useVisualizer((s) => s.compiled);
  // The graph shows a new step in the next frame; the explanation may follow a frame later.
  const step = useDeferredValue(useVisualizer((s) => s.step));
  const t = useT();
  if (!compiled) return <section className="step-panel" />;
  const { graph, trace } = compiled;
  const s = trace.steps[Math.min(step, trace.end)];
  let body;
  switch (s.kind) {
    case 'start':
      body = <p>{t('step.start')}</p>;
      break;
    case 'forward':
      body = (
        <>
          <p>{t('step.forward', { node: nodeName(graph, s.node) })}</p>
          <div className="formula-block" data-testid="formula">
            <Formula tex={forwardTex(graph, s.node)} display />
          </div>
        </>
      );
      break;
    case 'seed':
      body = (
        <>
          <p>{t('step.seed')}</p>
          <div className="formula-block" data-testid="formula">
            <Formula tex={seedTex(graph)} display />
          </div>
        </>
      );
      break;
    case 'backward': {
      const rule = ruleTexOf(compiled, s.node);
      const leaf = s.contributions.length === 0;
      body = (
        <>
          <p>{t(leaf ? 'step.backwardLeaf' : 'step.backward', { node: nodeName(graph, s.node) })}</p>
          {!leaf && (
            <div className="rule" data-testid="rule">
              <h3>{t('panel.rule')}</h3>
              <p title={rule ?? undefined}>{t(ruleKey(graph, s.node))}</p>
              {s.contributions.map((c) => (
                <div key={c.edge}>
                  <Formula tex={localRuleTex(graph, s.node, c.slot, c.local)} display />
                </div>
              ))}
            </div>
          )}
          {/* At the output the chain has one link: the local rule above says it all. */}
          {!leaf && s.node !== graph.output && (
            <div className="formula-block" data-testid="formula">
              <h3>{t('panel.formula')}</h3>
              {s.contributions.map((c, k) => (
                <div key={c.edge}>
                  <Formula tex={chainRuleTex(graph, trace, step, k)} display />
                </div>
              ))}
            </div>
          )}
          {graph.outEdges[s.node].length > 1 && (
            <div className="accumulation" data-testid="visited-sum">
              <h3>{t('panel.accumulation')}</h3>
              <VisitedSum node={s.node} step={step} />
            </div>
          )}
          {s.contributions.some((c) => c.arrivals > 1) && (
            <div className="accumulation" data-testid="accumulation">
              <h3>{t('panel.accumulation')}</h3>
              {[...new Set(s.contributions.filter((c) => c.arrivals > 1).map((c) => c.to))].map((to) => {
                const c = [...s.contributions].reverse().find((x) => x.to === to);
                const tex = accumulationTex(graph, trace, to, step);
                return (
                  <div key={to} className={c?.final ? 'sum final' : 'sum partial'}>
                    {tex && <Formula tex={tex} display />}
                    <span className={c?.final ? 'badge final' : 'badge partial'}>
                      {c?.final ? t('panel.final') : t('panel.partial', { left: c ? c.arrivals - c.arrival : 0 })}
                    </span>
                  </div>
                );
              })}
            </div>
          )}
        </>
      );
      break;
    }
  }
  return (
    <section className={large ? 'step-panel large' : 'step-panel'} aria-labelledby="step-panel-title" data-step-kind={s.kind} tabIndex={0}>
      <h2 id="step-panel-title" className="panel-title">
        {t('panel.step')}
      </h2>
      {body}
      {s.kind === 'backward' && <SoftmaxRule compiled={compiled} node={s.node} />}
      <NonFiniteNote compiled={compiled} step={step} />
      <PracticeCard />
      <SelectedNode />
    </section>
  );
}

/** The node the student clicked: how its gradient is made up at this step. */
function SelectedNode() {
  const compiled = useVisualizer((s) => s.compiled);
  const step = useVisualizer((s) => s.step);
  const selected = useVisualizer((s) => s.selected);
  const t = useT();
  if (!compiled || selected === null || selected >= compiled.graph.nodes.length) return null;
  const tex = accumulationTex(compiled.graph, compiled.trace, selected, step);
  const node = compiled.graph.nodes[selected];
  return (
    <div className="selected-node" data-testid="selected-node">
      <h3>{t('panel.selected', { node: nodeName(compiled.graph, selected) })}</h3>
      {tex ? <Formula tex={tex} display /> : <p className="muted">{t('node.noGrad')}</p>}
      {node.op === 'input' && node.label && <InputValueEditor key={`${node.id}:${node.value}`} index={selected} />}
    </div>
  );
}

/** The visited node's own gradient, summed from all its consumers (final by now). */
function VisitedSum({ node, step }: { node: number; step: number }) {
  const compiled = useVisualizer((s) => s.compiled);
  if (!compiled) return null;
  const tex = accumulationTex(compiled.graph, compiled.trace, node, step);
  return tex ? <Formula tex={tex} display /> : null;
}

/** ∞ and NaN are computed, not errors: say what they mean where they appear. */
function NonFiniteNote({ compiled, step }: { compiled: Compiled; step: number }) {
  const t = useT();
  const s = compiled.trace.steps[step];
  if (s?.kind === 'forward' && !Number.isFinite(s.value)) {
    return (
      <p className="non-finite-note" data-testid="non-finite">
        {t('nonFinite.value', { value: formatNumber(s.value) })}
      </p>
    );
  }
  if (s?.kind === 'backward') {
    const bad = [s.grad, ...s.contributions.map((c) => c.amount)].find((x) => !Number.isFinite(x));
    if (bad !== undefined) {
      return (
        <p className="non-finite-note" data-testid="non-finite">
          {t('nonFinite.grad', { grad: formatNumber(bad) })}
        </p>
      );
    }
  }
  return null;
}

/** Change an input's value (a weight, say) by typing it; the program text is updated. */
function InputValueEditor({ index }: { index: number }) {
  const compiled = useVisualizer((s) => s.compiled);
  const text = useVisualizer((s) => s.text);
  const setText = useVisualizer((s) => s.setText);
  const t = useT();
  const [draft, setDraft] = useState(() => String(compiled?.graph.nodes[index].value ?? ''));
  if (!compiled) return null;
  const value = Number(draft);
  return (
    <form
      className="input-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (draft.trim() !== '' && Number.isFinite(value)) setText(setInputValues(text, compiled.graph, new Map([[index, value]])));
      }}
    >
      <label>
        {t('panel.setValue')}{' '}
        <input value={draft} onChange={(e) => setDraft(e.target.value)} inputMode="decimal" size={8} data-testid="input-value" />
      </label>{' '}
      <button type="submit">{t('panel.set')}</button>
    </form>
  );
}

/**
 * When a softmax + cross-entropy block is drawn as one node, its backward rule
 * is the short one: every score z_k receives p_k − y_k.
 */
function SoftmaxRule({ compiled, node }: { compiled: Compiled; node: number }) {
  const collapsed = useVisualizer((s) => s.collapsed);
  const t = useT();
  const group = findGroups(compiled.graph).find((g) => g.kind === 'softmax' && collapsed.includes(g.id) && g.members.includes(node));
  if (!group) return null;
  const { graph } = compiled;
  const inside = new Set(group.members);
  const scores = graph.edges.filter((e) => inside.has(e.to) && !inside.has(e.from)).map((e) => e.from);
  const lossLog = graph.nodes.find((n) => n.op === 'log' && inside.has(n.index));
  const truth = lossLog ? graph.nodes[lossLog.inputs[0]].label : null;
  const lines = scores.map((z, k) => {
    const p = graph.nodes.find((n) => inside.has(n.index) && n.op === 'div' && graph.nodes[n.inputs[0]].inputs[0] === z);
    const y = p && p.label === truth ? 1 : 0;
    const pv = p?.value ?? NaN;
    return `\\frac{\\partial L}{\\partial ${nodeTexName(graph, z)}} = p_{${k + 1}} - y_{${k + 1}} = ${texNumber(pv)} - ${y} = ${texNumber(pv - y)}`;
  });
  return (
    <div className="rule" data-testid="softmax-rule">
      <h3>{t('group.softmax')}</h3>
      <p>{t('group.softmaxRule')}</p>
      {lines.map((tex) => (
        <Formula key={tex} tex={tex} display />
      ))}
    </div>
  );
}
