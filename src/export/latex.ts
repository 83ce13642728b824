// The worked derivation of one step as LaTeX (amsmath), to paste into notes.
import type { Compiled } from '../engine';
import { accumulationTex, chainRuleTex, forwardTex, localRuleTex, seedTex, variableContributions } from '../formulas/stepTex';

/** TeX lines for a step, the same ones the step panel shows. */
export function stepTexLines(compiled: Compiled, step: number): string[] {
  const { graph, trace } = compiled;
  const s = trace.steps[step];
  switch (s?.kind) {
    case 'forward':
      return [forwardTex(graph, s.node)];
    case 'seed':
      return [seedTex(graph)];
    case 'backward': {
      // Constants are left out: they are not variables, so no ∂y/∂3.
      const sent = variableContributions(graph, s);
      const lines = sent.map(({ c }) => localRuleTex(graph, s.node, c.slot, c.local));
      if (s.node !== graph.output) sent.forEach(({ k }) => lines.push(chainRuleTex(graph, trace, step, k)));
      for (const to of new Set(sent.filter(({ c }) => c.arrivals > 1).map(({ c }) => c.to))) {
        const tex = accumulationTex(graph, trace, to, step);
        if (tex) lines.push(tex);
      }
      return lines;
    }
    default:
      return [];
  }
}

/** A LaTeX fragment: one `align*` row per line, aligned at the first `=`. */
export function stepLatex(compiled: Compiled, step: number): string {
  const rows = stepTexLines(compiled, step).map((line) => line.replace(/ (\\mathrel\{\+\}=|=) /, ' &$1 '));
  const header = `% Chainstep, step ${step} of ${compiled.trace.end}\n`;
  if (rows.length === 0) return `${header}% (no formula at this step)\n`;
  return `${header}\\begin{align*}\n${rows.map((r) => `  ${r}`).join(' \\\\\n')}\n\\end{align*}\n`;
}
