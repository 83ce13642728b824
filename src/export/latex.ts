// The worked derivation of one step as LaTeX (amsmath), to paste into notes.
import type { Compiled } from '../engine';
import { accumulationTex, chainRuleTex, forwardTex, localRuleTex, seedTex, variableContributions } from '../formulas/stepTex';
import { isTensorStep, tensorAccumulationTex, tensorContributionTex, tensorStepLines } from '../formulas/tensorTex';

/** The TeX of one step in the step panel's sections: local rules, chain-rule lines, running sums. */
export interface StepTexParts {
  /** The forward computation or the seed (one or two lines), else empty. */
  readonly compute: readonly string[];
  /** The local rules (for a tensor step: each contribution's matrix rule, then its numbers). */
  readonly local: readonly string[];
  readonly chain: readonly string[];
  /** The visited node's gradient as a sum of its parts, then each receiver's running sum. */
  readonly sums: readonly string[];
}

const NONE: StepTexParts = { compute: [], local: [], chain: [], sums: [] };

/** A tensor step's TeX (matrices as amsmath's bmatrix), in the same sections. */
function tensorParts(compiled: Compiled, step: number): StepTexParts {
  const { graph, trace } = compiled;
  const s = trace.steps[step];
  if (s?.kind !== 'backward') return { ...NONE, compute: tensorStepLines(graph, trace, step) };
  const sent = variableContributions(graph, s);
  const local: string[] = [];
  for (const { k } of sent) {
    const parts = tensorContributionTex(graph, trace, step, k);
    if (!parts) continue;
    local.push(parts.rule);
    for (const line of [parts.probabilities, parts.numbers, parts.batchSum]) if (line) local.push(line);
  }
  const sums: string[] = [];
  for (const to of new Set(sent.filter(({ c }) => c.arrivals > 1).map(({ c }) => c.to))) {
    const tex = tensorAccumulationTex(graph, trace, to, step);
    if (tex) sums.push(tex);
  }
  return { ...NONE, local, sums };
}

/** The TeX of a step, section by section, the same the step panel shows. */
export function stepTexParts(compiled: Compiled, step: number): StepTexParts {
  const { graph, trace } = compiled;
  if (isTensorStep(graph, trace, step)) return tensorParts(compiled, step);
  const s = trace.steps[step];
  switch (s?.kind) {
    case 'forward':
      return { ...NONE, compute: [forwardTex(graph, s.node)] };
    case 'seed':
      return { ...NONE, compute: [seedTex(graph)] };
    case 'backward': {
      // Constants are left out: they are not variables, so no ∂y/∂3.
      const sent = variableContributions(graph, s);
      const local = sent.map(({ c }) => localRuleTex(graph, s.node, c.slot, c.local));
      // At the output the chain has one link: the local rule says it all.
      const chain = s.node === graph.output ? [] : sent.map(({ k }) => chainRuleTex(graph, trace, step, k));
      const sums: string[] = [];
      // The visited node's own gradient, when several consumers sent it parts (final by now).
      const own = graph.outEdges[s.node].length > 1 ? accumulationTex(graph, trace, s.node, step) : null;
      if (own) sums.push(own);
      for (const to of new Set(sent.filter(({ c }) => c.arrivals > 1).map(({ c }) => c.to))) {
        const tex = accumulationTex(graph, trace, to, step);
        if (tex) sums.push(tex);
      }
      return { ...NONE, local, chain, sums };
    }
    default:
      return NONE;
  }
}

/** TeX lines for a step, the same ones the step panel shows (matrices as amsmath's bmatrix). */
export function stepTexLines(compiled: Compiled, step: number): string[] {
  const p = stepTexParts(compiled, step);
  return [...p.compute, ...p.local, ...p.chain, ...p.sums];
}

/** `a = b = c` as an align* row, aligned at the first `=` (or `+=`). */
export function alignRow(line: string): string {
  return line.replace(/ (\\mathrel\{\+\}=|=) /, ' &$1 ');
}

/** A LaTeX fragment: one `align*` row per line, aligned at the first `=`. */
export function stepLatex(compiled: Compiled, step: number): string {
  const rows = stepTexLines(compiled, step).map(alignRow);
  const header = `% Chainstep, step ${step} of ${compiled.trace.end}\n`;
  if (rows.length === 0) return `${header}% (no formula at this step)\n`;
  return `${header}\\begin{align*}\n${rows.map((r) => `  ${r}`).join(' \\\\\n')}\n\\end{align*}\n`;
}
