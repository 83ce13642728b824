// "Expand to scalars": replaces a tensor program by the scalar program that
// computes the same thing (engine/expand.ts), one node per entry, so every
// entry of a gradient is stepped as a scalar gradient. Undo brings the tensor
// program back (setText records it like any edit).
import { useEffect, useState } from 'react';
import type { MessageKey, Params } from '../i18n';
import { useVisualizer, useVisualizerStore } from '../store/context';
import { toolsScript } from '../tools/loader';
import { MAX_DRAW_NODES } from './config';
import { useT } from './useT';

/** What the last expansion said, for the text it applies to. */
interface Note {
  readonly forText: string;
  readonly key: MessageKey;
  readonly params: Params;
}

const count = (n: number) => n.toLocaleString('en');

export function ExpandButton() {
  const store = useVisualizerStore();
  const hasTensors = useVisualizer((s) => s.compiled?.graph.hasTensors ?? false);
  const broken = useVisualizer((s) => s.error !== null);
  const t = useT();
  const [note, setNote] = useState<Note | null>(null);
  // Whether the note still applies is read from the store, not the text: typing re-renders nothing here.
  const applies = useVisualizer((s) => note !== null && note.forText === s.text);
  const shown = applies ? note : null;
  // The expansion is a script of its own: fetched as soon as there is something to expand.
  useEffect(() => {
    if (hasTensors) void toolsScript.load().catch(() => {});
  }, [hasTensors]);
  if (!hasTensors && !shown) return null;
  const expand = async () => {
    const { compiled, text: source, setText } = store.getState();
    let tools;
    try {
      tools = await toolsScript.load();
    } catch {
      setNote({ forText: source, key: 'expand.notLoaded', params: {} });
      return;
    }
    const { expandToScalars } = tools;
    if (!compiled) return;
    const result = expandToScalars(compiled.graph, { source, maxNodes: MAX_DRAW_NODES });
    if (!result.ok) {
      setNote(
        result.reason === 'tooBig'
          ? { forText: source, key: 'expand.tooBig', params: { max: count(result.max), nodes: count(result.nodes) } }
          : { forText: source, key: 'expand.tooLong', params: { max: count(result.max), chars: count(result.chars) } },
      );
      return;
    }
    setText(result.text);
    setNote({ forText: result.text, key: 'expand.done', params: { nodes: count(result.nodes) } });
  };
  return (
    <div className="expand-tool">
      {hasTensors && (
        <button type="button" onClick={() => void expand()} disabled={broken} title={broken ? t('expand.fixFirst') : t('expand.title')} data-testid="expand-scalars">
          {t('expand.button')}
        </button>
      )}
      <p className="muted small" role="status" data-testid="expand-status">
        {shown ? t(shown.key, shown.params) : ''}
      </p>
    </div>
  );
}
