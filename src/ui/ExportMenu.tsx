// Export the current step: graph as SVG or PNG, the derivation as LaTeX (this
// step, or every step as a handout document), the program as PyTorch (copied
// and downloaded), and the graph as Graphviz DOT.
import { useEffect, useRef, useState } from 'react';
import { lessonOfText, lessonsScript } from '../lessons/catalog';
import { useVisualizerStore } from '../store/context';
import { toolsScript } from '../tools/loader';
import { download, pngFromSvg, standaloneSvg } from './exportImage';
import { useT } from './useT';
import { withAllDrawn } from './viewCull';
import { withSvgDrawing } from './overview/svgDrawing';

function currentSvg(): { svg: string; width: number; height: number } | null {
  // A big graph's overview is on a canvas: the export copies the SVG, drawn in full for it.
  return withSvgDrawing(svgNow);
}

function svgNow(): { svg: string; width: number; height: number } | null {
  const content = document.querySelector<SVGGElement>('.graph-content');
  const root = document.querySelector('.app');
  if (!content || !root) return null;
  // A big graph draws only what is near the view: the export measures and copies all of it.
  return withAllDrawn(content, () => {
    const box = content.getBBox();
    const width = box.x + box.width + 8;
    const height = box.y + box.height + 8;
    return { svg: standaloneSvg(content, width, height, root), width, height };
  });
}

export function ExportMenu() {
  const store = useVisualizerStore();
  const t = useT();
  const [status, setStatus] = useState('');
  // The text of the program on screen: while the editor holds an error, the graph is the last program that worked.
  const shownProgram = useRef(store.getState().text);
  useEffect(
    () =>
      store.subscribe((s) => {
        if (s.error === null) shownProgram.current = s.text;
      }),
    [store],
  );
  const base = () => `chainstep-step-${store.getState().step}`;
  const run = async (kind: 'svg' | 'png' | 'latex' | 'handout' | 'pytorch' | 'dot') => {
    const { compiled, step } = store.getState();
    if (!compiled) return;
    // The exports are a script of their own, loaded when the menu opens.
    let tools;
    try {
      tools = await toolsScript.load();
    } catch {
      setStatus(t('export.notLoaded'));
      return;
    }
    const { handoutLatex, stepLatex, toPyTorch, toDot } = tools;
    if (kind === 'svg' || kind === 'png') {
      const image = currentSvg();
      if (!image) return;
      if (kind === 'svg') download(`${base()}.svg`, image.svg, 'image/svg+xml');
      else download(`${base()}.png`, await pngFromSvg(image.svg, image.width, image.height));
    } else if (kind === 'latex') {
      download(`${base()}.tex`, stepLatex(compiled, step), 'application/x-tex');
    } else if (kind === 'handout') {
      const program = shownProgram.current;
      const lesson = lessonOfText(lessonsScript.current(), program);
      download('chainstep-handout.tex', handoutLatex(compiled, program, { title: lesson?.title.en }), 'application/x-tex');
    } else if (kind === 'dot') {
      download('chainstep-graph.dot', toDot(compiled.graph, compiled.trace.finalGrads), 'text/vnd.graphviz');
    } else {
      const code = toPyTorch(compiled.graph);
      try {
        await navigator.clipboard.writeText(code);
        setStatus(t('export.copied'));
      } catch {
        setStatus('');
      }
      download('chainstep.py', code, 'text/x-python');
    }
  };
  return (
    <details className="export-menu" onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && void toolsScript.load().catch(() => {})}>
      <summary>{t('export.button')}</summary>
      <div className="export-items" role="group" aria-label={t('export.button')}>
        <button type="button" onClick={() => void run('svg')}>
          SVG
        </button>
        <button type="button" onClick={() => void run('png')}>
          PNG
        </button>
        <button type="button" onClick={() => void run('latex')}>
          {t('export.stepLatex')}
        </button>
        <button type="button" onClick={() => void run('handout')} title={t('export.handoutHint')}>
          {t('export.handout')}
        </button>
        <button type="button" onClick={() => void run('pytorch')}>
          PyTorch
        </button>
        <button type="button" onClick={() => void run('dot')}>
          Graphviz DOT
        </button>
        <span className="muted small" role="status">
          {status}
        </span>
      </div>
    </details>
  );
}
