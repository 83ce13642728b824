// What the current step means: in words, the local rule, the chain-rule line
// with numbers, and the running sum at every node that just received a gradient.
import { memo } from 'react';
import { OPS, type Compiled } from '../engine';
import { accumulationTex, chainRuleTex, forwardTex, isConstant, localRuleTex, seedTex, variableContributions } from '../formulas/stepTex';
import { useVisualizer } from '../store/context';
import { nodeName, ruleKey } from './describe';
import { Formula } from './Formula';
import { PracticeCard } from './PracticeCard';
import { SelectedNode } from './SelectedNode';
import { IterationUpdate } from './train/IterationBanner';
import { NonFiniteNote, SoftmaxRule } from './StepNotes';
import { isTensorStep } from '../formulas/tensorTex';
import { EntryDrill } from './tensor/EntryDrill';
import { TensorBackward, TensorForward } from './tensor/TensorStep';
import { useAfterPaint } from './useAfterPaint';
import { useT } from './useT';

/** Steps closer together than this (a key held down, fast playback) are a burst. */
const STEP_BURST_MS = 120;
/**
 * The explanation waits this long after a step, so that typesetting it (about
 * 20 ms for a builder step on a 2-core laptop) does not compete with rastering
 * and drawing the step's frame: measured on the builder's graph, step p95 went
 * from 27–28 ms to 25–26 ms. It is still on screen within a tenth of a second.
 */
const STEP_SETTLE_MS = 50;

/** The op's rule in general form (a, b inputs, o output), for reference. */
function ruleTexOf(compiled: Compiled, node: number): string | null {
  const spec = OPS[compiled.graph.nodes[node].op];
  return spec.ruleTex.length ? spec.ruleTex.join(',\\quad ') : null;
}

export function StepPanel({ large = false }: { large?: boolean }) {
  // The graph shows a new step in the next frame; the explanation follows STEP_SETTLE_MS
  // later, or once stepping pauses when steps come faster than STEP_BURST_MS apart.
  // Until then the panel is not rendered again: only this wrapper hears the step.
  const step = useAfterPaint(useVisualizer((s) => s.step), STEP_BURST_MS, STEP_SETTLE_MS);
  return <StepPanelAt large={large} step={step} />;
}

const StepPanelAt = memo(function StepPanelAt({ large, step }: { large: boolean; step: number }) {
  const compiled = useVisualizer((s) => s.compiled);
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
      // A vector or matrix: its definition with shapes, and numbers when they fit.
      if (graph.nodes[s.node].shape.length > 0) {
        body = <TensorForward compiled={compiled} node={s.node} />;
        break;
      }
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
      const tensor = isTensorStep(graph, trace, step);
      // Literal constants are not variables: no ∂y/∂3 lines for them.
      const sent = variableContributions(graph, s);
      const intro = leaf ? (isConstant(graph, s.node) ? 'step.backwardConst' : 'step.backwardLeaf') : sent.length === 0 ? 'step.backwardToConstants' : 'step.backward';
      body = (
        <>
          <p>{t(intro, { node: nodeName(graph, s.node) })}</p>
          {tensor && <TensorBackward compiled={compiled} step={step} />}
          {sent.length > 0 && !tensor && (
            <div className="rule" data-testid="rule">
              <h3>{t('panel.rule')}</h3>
              <p title={rule ?? undefined}>{t(ruleKey(graph, s.node))}</p>
              {sent.map(({ c }) => (
                <div key={c.edge}>
                  <Formula tex={localRuleTex(graph, s.node, c.slot, c.local)} display />
                </div>
              ))}
            </div>
          )}
          {/* At the output the chain has one link: the local rule above says it all. */}
          {sent.length > 0 && !tensor && s.node !== graph.output && (
            <div className="formula-block" data-testid="formula">
              <h3>{t('panel.formula')}</h3>
              {sent.map(({ c, k }) => (
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
          {sent.some(({ c }) => c.arrivals > 1) && (
            <div className="accumulation" data-testid="accumulation">
              <h3>{t('panel.accumulation')}</h3>
              {[...new Set(sent.filter(({ c }) => c.arrivals > 1).map(({ c }) => c.to))].map((to) => {
                const c = [...s.contributions].reverse().find((x) => x.to === to);
                const tex = accumulationTex(graph, trace, to, step, (count) => t('panel.moreTerms', { count }));
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
      {graph.hasTensors && <EntryDrill step={step} />}
      <PracticeCard />
      <IterationUpdate />
      <SelectedNode />
    </section>
  );
});

/** The visited node's own gradient, summed from all its consumers (final by now). */
function VisitedSum({ node, step }: { node: number; step: number }) {
  const compiled = useVisualizer((s) => s.compiled);
  const t = useT();
  if (!compiled) return null;
  const tex = accumulationTex(compiled.graph, compiled.trace, node, step, (count) => t('panel.moreTerms', { count }));
  return tex ? <Formula tex={tex} display /> : null;
}
