// The worked derivation of one step as LaTeX (amsmath), to paste into notes.
import type { Compiled } from '../engine';
import { accumulationTex, chainRuleTex, forwardTex, localRuleTex, seedTex } from '../formulas/stepTex';
import { isTensorStep, tensorStepLines } from '../formulas/tensorTex';

/** TeX lines for a step, the same ones the step panel shows (matrices as amsmath's bmatrix). */
export function stepTexLines(compiled: Compiled, step: number): string[] {
  const { graph, trace } = compiled;
  if (isTensorStep(graph, trace, step)) return tensorStepLines(graph, trace, step);
  const s = trace.steps[step];
  switch (s?.kind) {
    case 'forward':
      return [forwardTex(graph, s.node)];
    case 'seed':
      return [seedTex(graph)];
    case 'backward': {
      const lines = s.contributions.map((c) => localRuleTex(graph, s.node, c.slot, c.local));
      if (s.node !== graph.output) s.contributions.forEach((_, k) => lines.push(chainRuleTex(graph, trace, step, k)));
      for (const to of new Set(s.contributions.filter((c) => c.arrivals > 1).map((c) => c.to))) {
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
