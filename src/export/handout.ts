// A whole derivation as one LaTeX document, for a handout or a slide deck:
// the program, every forward value, and every backward step's local rule,
// chain-rule line and accumulation, in order, in the TeX the step panel shows.
//
// It compiles with pdflatex and only texlive-latex-base (amsmath, color, alltt,
// geometry). Its headings are English: Chinese would need CJK packages that
// set does not have; non-ASCII in names and comments is written by pdfSafe.
import { OPS, type Compiled } from '../engine';
import { nodeTex } from '../formulas/nodeTex';
import { texNumber } from '../formulas/number';
import { isConstant, partialTex } from '../formulas/stepTex';
import { t } from '../i18n';
import { alignRow, stepTexParts } from './latex';
import { pdfListingLine, pdfMath, pdfText } from './pdfSafe';

export interface HandoutOptions {
  /** The document's title (a lesson's name, say). */
  readonly title?: string;
}

const PREAMBLE = [
  '\\documentclass[11pt]{article}',
  '% Packages from texlive-latex-base only: compile with  pdflatex chainstep-handout.tex',
  '\\usepackage[a4paper,margin=2cm]{geometry}',
  '\\usepackage{amsmath}',
  '\\usepackage{color}',
  '\\usepackage{alltt}',
  '\\definecolor{gray}{gray}{0.5}',
  '% Long derivations may break across pages.',
  '\\allowdisplaybreaks',
  '\\setlength{\\parindent}{0pt}',
  '\\setlength{\\parskip}{4pt}',
];

/** An align* block of TeX lines, aligned at their first `=`, each optionally tagged at the right. */
function align(lines: readonly string[], tags: readonly (string | null)[] = []): string[] {
  if (lines.length === 0) return [];
  const rows = lines.map((line, i) => {
    const tag = tags[i];
    return `  ${alignRow(pdfMath(line))}${tag ? ` \\tag*{${pdfText(tag)}}` : ''}`;
  });
  return ['\\begin{align*}', rows.join(' \\\\\n'), '\\end{align*}'];
}

const math = (tex: string): string => `$${pdfMath(tex)}$`;

/** The handout for `compiled`, whose program text is `program`. */
export function handoutLatex(compiled: Compiled, program: string, options: HandoutOptions = {}): string {
  const { graph, trace } = compiled;
  const out = graph.output;
  const en = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => pdfText(t('en', key, params));
  const body: string[] = [];
  body.push(`\\section*{${pdfText(options.title ?? 'Backpropagation, step by step')}}`);
  body.push(
    `The output is ${math(nodeTex(graph, out))} ${math(`= ${texNumber(graph.nodes[out].value)}`)}. ` +
      `Step 0 holds the inputs; steps 1 to ${trace.lastForward} are the forward pass, step ${trace.seed} the seed, ` +
      `and steps ${trace.seed + 1} to ${trace.end} the backward pass, one node at a time in reverse order. ` +
      'Each backward step multiplies the node\'s gradient by each local derivative and adds the product to that input\'s gradient. ' +
      'Literal numbers in the program are constants, not variables: no derivative is taken with respect to them.',
  );

  body.push('\\subsection*{Program}', '\\begin{alltt}', ...program.replace(/\s+$/, '').split('\n').map(pdfListingLine), '\\end{alltt}');

  const inputs = graph.nodes.filter((n) => n.op === 'input');
  if (inputs.length > 0) {
    body.push('\\subsection*{Inputs (step 0)}');
    body.push(...align(inputs.map((n) => `${nodeTex(graph, n.index)} = ${texNumber(n.value)}`)));
  }

  const forward: string[] = [];
  const forwardTags: string[] = [];
  for (let step = 1; step <= trace.lastForward; step++) {
    for (const line of stepTexParts(compiled, step).compute) {
      forward.push(line);
      forwardTags.push(`step ${step}`);
    }
  }
  if (forward.length > 0) body.push('\\subsection*{Forward pass}', ...align(forward, forwardTags));

  body.push('\\subsection*{Backward pass}');
  body.push(`\\paragraph{Step ${trace.seed}: the seed.} ${en('step.seed')}`, ...align(stepTexParts(compiled, trace.seed).compute));
  for (let step = trace.seed + 1; step <= trace.end; step++) {
    const s = trace.steps[step];
    if (s.kind !== 'backward') continue;
    const name = math(nodeTex(graph, s.node));
    if (s.contributions.length === 0) {
      // A leaf: an input's gradient is final here; a constant is not a variable and is left out.
      if (isConstant(graph, s.node)) continue;
      body.push(`\\paragraph{Step ${step}: ${name} is an input.} Its gradient is final: ${math(`${partialTex(graph, out, s.node)} = ${texNumber(trace.grads[s.node])}`)}.`);
      continue;
    }
    const parts = stepTexParts(compiled, step);
    if (parts.local.length === 0) continue; // only constants receive: nothing to say about a variable
    body.push(`\\paragraph{Step ${step}: backward pass at ${name}.} ${en(`rule.${OPS[graph.nodes[s.node].op].rule}`)}`);
    body.push(`\\par\\emph{${en('panel.rule')}:}`, ...align(parts.local));
    if (parts.chain.length > 0) body.push(`\\emph{${en('panel.formula')}:}`, ...align(parts.chain));
    if (parts.sums.length > 0) body.push(`\\emph{${en('panel.accumulation')}:}`, ...align(parts.sums));
  }

  if (inputs.length > 0) {
    body.push('\\subsection*{Gradients of the inputs}');
    body.push(...align(inputs.map((n) => `${partialTex(graph, out, n.index)} = ${texNumber(trace.grads[n.index])}`)));
  }

  return [...PREAMBLE, '\\begin{document}', ...body, '\\end{document}', ''].join('\n');
}
