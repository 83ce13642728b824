// Drill-down into one entry of a vector or matrix: its own scalar chain rule
// with numbers. The entry comes from the store's `selectedEntry` (a cell of a
// drawn tensor, or this panel's picker: keyboard-accessible selects).
import type { Graph } from '../../engine';
import { entryIndices } from '../../formulas/entryTex';
import { entryGradient, entryValueTex } from '../../formulas/entryTex';
import { rowsCols, shapeText, sizeOf } from '../../engine/tensor/tensor';
import { useVisualizer } from '../../store/context';
import { nodeName } from '../describe';
import { Formula } from '../Formula';
import { useT } from '../useT';

/** The selected entry when it still names an entry of a tensor node of this graph. */
function validEntry(graph: Graph, entry: { node: number; element: number } | null) {
  if (!entry || entry.node < 0 || entry.node >= graph.nodes.length) return null;
  const node = graph.nodes[entry.node];
  return node.shape.length > 0 && entry.element >= 0 && entry.element < sizeOf(node.shape) ? entry : null;
}

function IndexSelect({ label, value, count, onChange, testId }: { label: string; value: number; count: number; onChange: (v: number) => void; testId: string }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid={testId}>
        {Array.from({ length: count }, (_, i) => (
          <option key={i} value={i}>
            {i + 1}
          </option>
        ))}
      </select>
    </label>
  );
}

export function EntryDrill({ step }: { step: number }) {
  const compiled = useVisualizer((s) => s.compiled);
  const selectedEntry = useVisualizer((s) => s.selectedEntry);
  const selectEntry = useVisualizer((s) => s.selectEntry);
  const t = useT();
  if (!compiled) return null;
  const { graph, trace } = compiled;
  const tensors = graph.nodes.filter((n) => n.shape.length > 0);
  if (tensors.length === 0) return null;
  const entry = validEntry(graph, selectedEntry);
  const node = entry ? graph.nodes[entry.node] : null;
  const [rows, cols] = node ? rowsCols(node.shape) : [0, 0];
  const [i, j] = node && entry ? (node.shape.length === 2 ? entryIndices(node.shape, entry.element) : [0, entry.element]) : [0, 0];
  const pick = (row: number, col: number) => entry && selectEntry({ node: entry.node, element: row * cols + col });
  const value = entry && node && step >= trace.valueStep[entry.node] ? entryValueTex(graph, entry.node, entry.element) : null;
  const gradient = entry ? entryGradient(graph, trace, entry.node, entry.element, step) : null;
  return (
    <section className="entry-drill" data-testid="entry-drill" aria-labelledby="entry-drill-title">
      <h3 id="entry-drill-title">{t('drill.title')}</h3>
      <div className="entry-picker" role="group" aria-label={t('drill.picker')}>
        <label>
          {t('drill.node')}{' '}
          <select
            value={entry ? entry.node : ''}
            onChange={(e) => selectEntry(e.target.value === '' ? null : { node: Number(e.target.value), element: 0 })}
            data-testid="entry-node"
          >
            <option value="">{t('drill.none')}</option>
            {tensors.map((n) => (
              <option key={n.index} value={n.index}>
                {`${nodeName(graph, n.index)} (${shapeText(n.shape)})`}
              </option>
            ))}
          </select>
        </label>
        {node && node.shape.length === 2 && (
          <>
            <IndexSelect label={t('drill.row')} value={i} count={rows} onChange={(r) => pick(r, j)} testId="entry-row" />
            <IndexSelect label={t('drill.column')} value={j} count={cols} onChange={(c) => pick(i, c)} testId="entry-col" />
          </>
        )}
        {node && node.shape.length === 1 && <IndexSelect label={t('drill.entry')} value={j} count={cols} onChange={(c) => pick(0, c)} testId="entry-index" />}
        {entry && (
          <button type="button" onClick={() => selectEntry(null)}>
            {t('drill.clear')}
          </button>
        )}
      </div>
      {!entry && <p className="muted small">{t('drill.explain')}</p>}
      {entry && node && (
        <div className="entry-formulas">
          <h4>{t('drill.value')}</h4>
          {value ? (
            <div data-testid="entry-value">
              <Formula tex={value} display />
            </div>
          ) : (
            <p className="muted small">{t('drill.noValue', { node: nodeName(graph, entry.node), step: trace.valueStep[entry.node] })}</p>
          )}
          <h4>{t('drill.grad')}</h4>
          {gradient && gradient.contributions.length > 0 ? (
            gradient.contributions.map((c) => (
              <div key={`${c.consumer}:${c.step}:${c.tex}`} data-testid="entry-grad" className="entry-grad">
                {graph.outEdges[entry.node].length > 1 && <span className="muted small">{t('drill.from', { consumer: nodeName(graph, c.consumer) })}</span>}
                <Formula tex={c.tex} display />
              </div>
            ))
          ) : (
            <p className="muted small">{t('drill.noGrad')}</p>
          )}
          {gradient?.total && (
            <div data-testid="entry-total">
              <Formula tex={gradient.total} display />
            </div>
          )}
          {gradient && gradient.contributions.length > 0 && (
            <span className={gradient.final ? 'badge final' : 'badge partial'}>
              {gradient.final ? t('panel.final') : t('panel.partial', { left: gradient.pending })}
            </span>
          )}
        </div>
      )}
    </section>
  );
}
