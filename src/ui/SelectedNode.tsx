// The node the student clicked or focused: its gradient as a sum, and for an
// input (a weight, say) a field to change its value.
import { useState } from 'react';
import { setInputValues } from '../engine';
import { accumulationTex } from '../formulas/stepTex';
import { useVisualizer, useVisualizerStore } from '../store/context';
import { nodeName } from './describe';
import { Formula } from './Formula';
import { useT } from './useT';

/** The node the student clicked: how its gradient is made up at this step. */
export function SelectedNode() {
  const compiled = useVisualizer((s) => s.compiled);
  const step = useVisualizer((s) => s.step);
  const selected = useVisualizer((s) => s.selected);
  const t = useT();
  if (!compiled || selected === null || selected >= compiled.graph.nodes.length) return null;
  const tex = accumulationTex(compiled.graph, compiled.trace, selected, step, (count) => t('panel.moreTerms', { count }));
  const node = compiled.graph.nodes[selected];
  return (
    <div className="selected-node" data-testid="selected-node">
      <h3>{t('panel.selected', { node: nodeName(compiled.graph, selected) })}</h3>
      {tex ? <Formula tex={tex} display /> : <p className="muted">{t('node.noGrad')}</p>}
      {node.op === 'input' && node.label && node.shape.length === 0 && <InputValueEditor key={`${node.id}:${node.value}`} index={selected} />}
    </div>
  );
}

/** Change an input's value (a weight, say) by typing it; the program text is updated. */
function InputValueEditor({ index }: { index: number }) {
  const compiled = useVisualizer((s) => s.compiled);
  const store = useVisualizerStore();
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
        if (draft.trim() !== '' && Number.isFinite(value)) setText(setInputValues(store.getState().text, compiled.graph, new Map([[index, value]])));
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

