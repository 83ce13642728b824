// The Jacobian tab: for one node and one of its inputs, the full Jacobian in
// numerator layout with numbers (its diagonal for an op on numbers, diag(p) − ppᵀ
// for softmax, slices for a vector by a matrix), the order rule, and the
// vector-Jacobian product gᵀJ with the numbers the backward step sent.
import { useState } from 'react';
import type { Graph } from '../../engine';
import { OPS } from '../../engine';
import { shapeKey, shapeText, toNested } from '../../engine/tensor/tensor';
import {
  derivativeOrder,
  jacobianFormTex,
  jacobianLayout,
  jacobianMatrixTex,
  jacobianOf,
  jacobianSlicesTex,
  vjpJacobianTex,
} from '../../formulas/jacobianTex';
import { tensorValueTex } from '../../formulas/matrixTex';
import { nodeTexAtom } from '../../formulas/nodeTex';
import { isTensorNode } from '../../formulas/tensorTex';
import { useVisualizer } from '../../store/context';
import { nodeName } from '../describe';
import { shapeWords } from '../errorText';
import { Formula } from '../Formula';
import { useT } from '../useT';
import './tensor.css';

/** Nodes with a Jacobian worth showing: computed, with a vector or matrix among their value and inputs. */
function candidates(graph: Graph): number[] {
  return graph.nodes.filter((n) => n.inputs.length > 0 && isTensorNode(graph, n.index)).map((n) => n.index);
}

export function JacobianPanel() {
  const compiled = useVisualizer((s) => s.compiled);
  const step = useVisualizer((s) => s.step);
  const selected = useVisualizer((s) => s.selected);
  const locale = useVisualizer((s) => s.locale);
  const t = useT();
  const [choice, setChoice] = useState<{ node: number; slot: number } | null>(null);
  if (!compiled) return null;
  const { graph, trace } = compiled;
  const list = candidates(graph);
  if (list.length === 0) {
    return (
      <section className="side-panel jacobian-panel" data-testid="jacobian-panel">
        <p>{t('jacobian.none')}</p>
      </section>
    );
  }
  // The node chosen here, else the selected node, else the one the current step is at, else the first.
  const s = trace.steps[Math.min(step, trace.end)];
  const atStep = s && 'node' in s ? s.node : -1;
  const node = [choice?.node, selected, atStep].find((i): i is number => i !== null && i !== undefined && list.includes(i)) ?? list[0];
  const inputs = graph.nodes[node].inputs;
  const slot = choice && choice.node === node && choice.slot < inputs.length ? choice.slot : 0;
  const input = graph.nodes[inputs[slot]];
  const layout = jacobianLayout(graph, node, slot);
  const order = derivativeOrder(graph, node, slot);
  const j = layout === 'tooBig' ? null : jacobianOf(graph, node, slot);
  const form = layout === 'matrix' ? jacobianFormTex(graph, node, slot) : null;
  const entry = OPS[graph.nodes[node].op];
  const vjp = layout === 'tooBig' ? null : vjpJacobianTex(graph, trace, node, slot, step);
  const nested = j ? Array.from({ length: j.rows }, (_, r) => Array.from(j.data.subarray(r * j.cols, (r + 1) * j.cols))) : null;
  const of = nodeName(graph, node);
  const wrt = nodeName(graph, input.index);
  const flattened = layout === 'matrix' && (graph.nodes[node].shape.length === 2 || input.shape.length === 2);
  return (
    <section className="side-panel jacobian-panel" data-testid="jacobian-panel" aria-labelledby="jacobian-title">
      <h2 id="jacobian-title" className="panel-title">
        {t('jacobian.title')}
      </h2>
      <p>{t('jacobian.explain')}</p>
      <div className="jacobian-picker" role="group" aria-label={t('jacobian.title')}>
        <label>
          {t('jacobian.node')}{' '}
          <select value={node} onChange={(e) => setChoice({ node: Number(e.target.value), slot: 0 })} data-testid="jacobian-node">
            {list.map((i) => (
              <option key={i} value={i}>
                {`${nodeName(graph, i)} (${shapeText(graph.nodes[i].shape)})`}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('jacobian.input')}{' '}
          <select value={slot} onChange={(e) => setChoice({ node, slot: Number(e.target.value) })} data-testid="jacobian-input">
            {inputs.map((i, k) => (
              <option key={k} value={k}>
                {`${nodeName(graph, i)} (${shapeText(graph.nodes[i].shape)})`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="small">{t('jacobian.orderRule')}</p>
      <p className="small" data-testid="jacobian-order">
        {t('jacobian.order', {
          of: `${of}, ${shapeWords(locale, shapeKey(graph.nodes[node].shape))}`,
          wrt: `${wrt}, ${shapeWords(locale, shapeKey(input.shape))}`,
          p: order.of,
          q: order.wrt,
          order: order.order,
        })}
      </p>
      {layout === 'tooBig' && <p className="muted">{t('jacobian.tooBig')}</p>}
      {layout === 'matrix' && j && (
        <>
          {flattened && <p className="small">{t('jacobian.flattened', { rows: j.rows, cols: j.cols })}</p>}
          {form && entry.kind === 'elementwise' && <p className="small">{t('jacobian.diagonal')}</p>}
          {entry.rule === 'softmax' && <p className="small">{t('jacobian.softmaxForm')}</p>}
          <div className="jacobian-matrix" data-testid="jacobian-matrix" data-jacobian={JSON.stringify(nested)}>
            {form && (
              <div data-testid="jacobian-form">
                <Formula tex={form} display />
              </div>
            )}
            {!(form && entry.rule === 'softmax') && <Formula tex={jacobianMatrixTex(graph, node, slot)} display />}
          </div>
        </>
      )}
      {layout === 'slices' && (
        <div className="jacobian-matrix" data-testid="jacobian-slices" data-jacobian={JSON.stringify(nested)}>
          <p className="small">{t('jacobian.slices', { of, wrt })}</p>
          {jacobianSlicesTex(graph, node, slot).map((tex) => (
            <Formula key={tex} tex={tex} display />
          ))}
        </div>
      )}
      {layout === 'gradient' && (
        <div className="jacobian-matrix" data-testid="jacobian-gradient" data-jacobian={JSON.stringify(nested)}>
          <p className="small">{t('jacobian.gradient', { wrt })}</p>
          <Formula tex={jacobianMatrixTex(graph, node, slot)} display />
        </div>
      )}
      {layout !== 'tooBig' && (
        <div className="jacobian-vjp">
          <h3>{t('jacobian.vjp')}</h3>
          {vjp ? (
            <>
              <p className="small">{t('jacobian.vjpExplain', { of, wrt })}</p>
              <div data-testid="jacobian-vjp" data-values={JSON.stringify(Array.from(vjp.values))}>
                <Formula tex={vjp.tex} display />
              </div>
              {vjp.sent && (
                <div data-testid="jacobian-sent" data-values={JSON.stringify(toNested(vjp.sent))}>
                  <Formula
                    tex={`\\left.\\frac{\\partial ${nodeTexAtom(graph, graph.output)}}{\\partial ${nodeTexAtom(graph, input.index)}}\\right|_{${nodeTexAtom(graph, node)}} = ${tensorValueTex(vjp.sent)}`}
                    display
                  />
                </div>
              )}
            </>
          ) : (
            <p className="muted small">{t('jacobian.vjpLater', { of, step: trace.visitStep[node] })}</p>
          )}
        </div>
      )}
    </section>
  );
}
