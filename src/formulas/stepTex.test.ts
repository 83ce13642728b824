import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { ALL_OPS, compile, OPS } from '../engine';
import { opProgram } from '../engine/testPrograms';
import { localDerivativeTex } from './localTex';
import { nodeTex, opTex, opTexWithNumbers } from './nodeTex';
import { texFactor, texNumber } from './number';
import { accumulationTex, chainRuleTex, contributionsTo, forwardTex, isConstant, localRuleTex, seedTex, shownTerms, SUM_TERMS_SHOWN, variableContributions } from './stepTex';

const valid = (tex: string) => katex.renderToString(tex, { throwOnError: true, strict: 'ignore', trust: false });
const CIRCUIT = compile('x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z');
const BRANCHED = compile('x = 3\na = x * 2\nb = x + 1\nf = a * b');
const at = (c: typeof CIRCUIT, label: string) => c.graph.nodes.findIndex((n) => n.label === label);

describe('forward and seed steps', () => {
  it('q = x + y = -2 + 5 = 3 and f = q · z = 3 · (-4) = -12', () => {
    expect(forwardTex(CIRCUIT.graph, at(CIRCUIT, 'q'))).toBe('q = x + y = -2 + 5 = 3');
    expect(forwardTex(CIRCUIT.graph, at(CIRCUIT, 'f'))).toBe('f = q \\cdot z = 3 \\cdot (-4) = -12');
  });

  it('an anonymous node is written once, as its expression', () => {
    const c = compile('x = 2\nf = x * 3 + 1');
    expect(forwardTex(c.graph, 2)).toBe('x \\cdot 3 = 2 \\cdot 3 = 6');
    expect(forwardTex(c.graph, 4)).toBe('f = x \\cdot 3 + 1 = 6 + 1 = 7');
  });

  it('the seed names the output', () => {
    expect(seedTex(CIRCUIT.graph)).toBe('\\frac{\\partial f}{\\partial f} = 1');
  });
});

describe('backward steps', () => {
  // Steps of the circuit: 1 q, 2 f, 3 seed, 4 visit f, 5 visit q.
  it('∂f/∂x = ∂f/∂q · ∂q/∂x = (−4)·1 = −4', () => {
    expect(chainRuleTex(CIRCUIT.graph, CIRCUIT.trace, 5, 0)).toBe(
      '\\frac{\\partial f}{\\partial x} = \\frac{\\partial f}{\\partial q} \\cdot \\frac{\\partial q}{\\partial x} = (-4) \\cdot 1 = -4',
    );
  });

  it('at the output the chain is just the local derivative', () => {
    expect(chainRuleTex(CIRCUIT.graph, CIRCUIT.trace, 4, 0)).toBe('\\frac{\\partial f}{\\partial q} = z = -4');
    expect(chainRuleTex(CIRCUIT.graph, CIRCUIT.trace, 4, 1)).toBe('\\frac{\\partial f}{\\partial z} = q = 3');
  });

  it('the local rule of multiply names the other input, then its value', () => {
    const f = at(CIRCUIT, 'f');
    expect(localRuleTex(CIRCUIT.graph, f, 0, -4)).toBe('\\frac{\\partial f}{\\partial q} = z = -4');
    expect(localRuleTex(CIRCUIT.graph, at(CIRCUIT, 'q'), 1, 1)).toBe('\\frac{\\partial q}{\\partial y} = 1');
  });

  it('a contribution to a branched node is added with +=', () => {
    // BRANCHED: 5 visit f, 6 visit b (x gets 6), 8 visit a (x gets 8).
    expect(chainRuleTex(BRANCHED.graph, BRANCHED.trace, 6, 0)).toContain('\\frac{\\partial f}{\\partial x} \\mathrel{+}=');
  });

  it('the sum at x shows what has arrived, labelled by where it came from', () => {
    const x = at(BRANCHED, 'x');
    expect(accumulationTex(BRANCHED.graph, BRANCHED.trace, x, 5)).toBeNull();
    expect(accumulationTex(BRANCHED.graph, BRANCHED.trace, x, 6)).toBe(
      '\\frac{\\partial f}{\\partial x} = \\underbrace{6}_{b} + \\underbrace{\\color{gray}{?}}_{a} = 6',
    );
    expect(accumulationTex(BRANCHED.graph, BRANCHED.trace, x, 8)).toBe(
      '\\frac{\\partial f}{\\partial x} = \\underbrace{6}_{b} + \\underbrace{8}_{a} = 14',
    );
  });
});

describe('a sum with many parts', () => {
  // x is read by each of 30 steps of a chain: its gradient is a sum of 30 parts (and one from the first step).
  const lines = ['x = 0.5', 'w = 0.9', 'a0 = x * w'];
  for (let i = 1; i <= 30; i++) lines.push(`a${i} = tanh(a${i - 1} * w + x)`);
  lines.push('f = a30');
  const CHAIN = compile(lines.join('\n'));
  const x = at(CHAIN, 'x');
  const parts = contributionsTo(CHAIN.graph, CHAIN.trace, x);
  const underbraces = (tex: string) => tex.split('\\underbrace').length - 1;
  const elided = (tex: string) => [...tex.matchAll(/\\text\{(\d+) more\}/g)].reduce((n, m) => n + Number(m[1]), 0);

  it('writes the first part, the two latest, the next to come and the last, and counts the rest', () => {
    expect(parts.length).toBe(31);
    expect(shownTerms(31, 12)).toEqual([0, 10, 11, 12, 30]);
    expect(shownTerms(31, 1)).toEqual([0, 1, 30]);
    expect(shownTerms(31, 31)).toEqual([0, 29, 30]);
    expect(shownTerms(SUM_TERMS_SHOWN, 3)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('at every step the shown and the counted parts make all 31, and the total is the engine\'s gradient so far', () => {
    for (const c of parts) {
      const tex = accumulationTex(CHAIN.graph, CHAIN.trace, x, c.step)!;
      valid(tex);
      const shown = underbraces(tex) - tex.split('\\cdots').length + 1;
      expect(shown + elided(tex)).toBe(31);
      expect(underbraces(tex)).toBeLessThanOrEqual(SUM_TERMS_SHOWN + 2);
      const k = CHAIN.trace.gradSteps[x].lastIndexOf(c.step);
      expect(tex.endsWith(`= ${texNumber(CHAIN.trace.gradValues[x][k])}`)).toBe(true);
    }
  });

  it('the part that just arrived is written with its number, the ones to come in grey', () => {
    const c = parts[12];
    const tex = accumulationTex(CHAIN.graph, CHAIN.trace, x, c.step)!;
    expect(tex).toContain(`\\underbrace{${texFactor(c.amount)}}_{${nodeTex(CHAIN.graph, c.from)}}`);
    expect(tex).toContain('\\underbrace{\\cdots}_{\\text{10 more}}');
    expect(tex).toContain('\\underbrace{\\color{gray}{\\cdots}}_{\\text{16 more}}');
  });

  it('the page passes the words under the dots', () => {
    const tex = accumulationTex(CHAIN.graph, CHAIN.trace, x, parts[12].step, (n) => `另 ${n} 项`)!;
    expect(tex).toContain('\\text{另 10 项}');
  });
});

describe('all TeX is valid KaTeX', () => {
  it('for every op: definition, numbers, local derivatives, forward and chain-rule lines', () => {
    for (const op of ALL_OPS) {
      const spec = OPS[op];
      if (spec.arity === 0) continue;
      const c = compile(opProgram(op));
      const index = c.graph.nodes.findIndex((n) => n.label === 't');
      expect(c.graph.nodes[index].op).toBe(op);
      valid(opTex(c.graph, index));
      valid(opTexWithNumbers(c.graph, index));
      valid(forwardTex(c.graph, index));
      for (let slot = 0; slot < spec.arity; slot++) valid(localDerivativeTex(c.graph, index, slot));
      const first = c.trace.visitStep[index];
      const step = c.trace.steps[first];
      if (step.kind !== 'backward') throw new Error('expected a backward step');
      step.contributions.forEach((_, k) => valid(chainRuleTex(c.graph, c.trace, first, k)));
    }
  });

  it('for nested anonymous expressions and non-finite numbers', () => {
    const c = compile('x = 0\ny = 2\nf = -(x + y) ^ 2 / log(x) * sqrt(x - y)');
    for (const n of c.graph.nodes) {
      valid(nodeTex(c.graph, n.index));
      if (n.inputs.length) valid(forwardTex(c.graph, n.index));
    }
    for (let s = c.trace.seed + 1; s <= c.trace.end; s++) {
      const step = c.trace.steps[s];
      if (step.kind === 'backward') step.contributions.forEach((_, k) => valid(chainRuleTex(c.graph, c.trace, s, k)));
    }
    for (const n of c.graph.nodes) {
      const tex = accumulationTex(c.graph, c.trace, n.index, c.trace.end);
      if (tex) valid(tex);
    }
  });
});

describe('defaults and repeated inputs', () => {
  it('localRuleTex computes the local derivative when it is not given', () => {
    const f = at(CIRCUIT, 'f');
    expect(localRuleTex(CIRCUIT.graph, f, 0)).toBe('\\frac{\\partial f}{\\partial q} = z = -4');
    expect(localRuleTex(CIRCUIT.graph, f, 1)).toBe('\\frac{\\partial f}{\\partial z} = q = 3');
  });

  it('x * x: both contributions arrive at one step, both are shown', () => {
    const c = compile('x = 3\nf = x * x');
    expect(chainRuleTex(c.graph, c.trace, 3, 0)).toBe('\\frac{\\partial f}{\\partial x} \\mathrel{+}= x = 3');
    expect(accumulationTex(c.graph, c.trace, 0, 3)).toBe('\\frac{\\partial f}{\\partial x} = \\underbrace{3}_{f} + \\underbrace{3}_{f} = 6');
    expect(accumulationTex(c.graph, c.trace, c.graph.output, c.trace.end)).toBeNull();
  });

  it('every step of a branched, layered program is valid KaTeX', () => {
    for (const program of [
      'x = 3\na = x * 2\nb = x + 1\nf = a * b',
      'x1 = 1\nw1_11 = -0.5\nb1_1 = 0.1\nz1_1 = w1_11 * x1 + b1_1\nh = tanh(z1_1)\nL = (h - 1) ^ 2 + 0.01 * w1_11 ^ 2',
    ]) {
      const { graph, trace } = compile(program);
      valid(seedTex(graph));
      trace.steps.forEach((s, i) => {
        if (s.kind === 'forward') valid(forwardTex(graph, s.node));
        if (s.kind !== 'backward') return;
        s.contributions.forEach((c, k) => {
          valid(localRuleTex(graph, s.node, c.slot));
          valid(chainRuleTex(graph, trace, i, k));
          const sum = accumulationTex(graph, trace, c.to, i);
          expect(sum).not.toBeNull();
          valid(sum ?? '');
        });
      });
    }
  });
});

describe('constants are not variables', () => {
  // s feeds x = s² and y = 3 · s: the 3 is a literal constant.
  const TWO_PATHS = compile('s = 2\nx = s ^ 2\ny = 3 * s\nz = x * y');
  const y = at(TWO_PATHS, 'y');
  const visitY = TWO_PATHS.trace.visitStep[y];

  it('a backward step sends to the variable s only, not to the literal 3', () => {
    const step = TWO_PATHS.trace.steps[visitY];
    if (step.kind !== 'backward') throw new Error('expected a backward step');
    // The engine still traces both contributions (data-grad on every node) …
    expect(step.contributions.map((c) => TWO_PATHS.graph.nodes[c.to].op)).toEqual(['const', 'input']);
    // … but only the one to s is a variable's.
    const sent = variableContributions(TWO_PATHS.graph, step);
    expect(sent.map(({ c, k }) => [TWO_PATHS.graph.nodes[c.to].label, k])).toEqual([['s', 1]]);
    expect(localRuleTex(TWO_PATHS.graph, y, sent[0].c.slot, sent[0].c.local)).toBe('\\frac{\\partial y}{\\partial s} = 3');
    expect(chainRuleTex(TWO_PATHS.graph, TWO_PATHS.trace, visitY, sent[0].k)).toBe(
      '\\frac{\\partial z}{\\partial s} \\mathrel{+}= \\frac{\\partial z}{\\partial y} \\cdot \\frac{\\partial y}{\\partial s} = 4 \\cdot 3 = 12',
    );
  });

  it('a step whose inputs are all constants sends to no variable', () => {
    const c = compile('x = 2\nf = x + 2 * 3');
    const product = c.graph.nodes.findIndex((n) => n.op === 'mul');
    expect(variableContributions(c.graph, c.trace.steps[c.trace.visitStep[product]])).toEqual([]);
    expect(variableContributions(c.graph, c.trace.steps[0])).toEqual([]);
    expect(isConstant(c.graph, c.graph.nodes[product].inputs[0])).toBe(true);
    expect(isConstant(c.graph, 0)).toBe(false);
  });
});

describe('line breaks in a narrow panel', () => {
  // KaTeX's HTML has one unbreakable box for each stretch between the spots where a line may break.
  const boxes = (tex: string) => valid(tex).match(/class="(?:katex-)?base"/g)?.length;

  it('a local rule breaks only at its = signs, never inside the rule or its function', () => {
    const c = compile('x = 0.5\na0 = x\na1 = tanh(a0 * 0.9 + x)\nL = a1 * a1');
    const tanhNode = c.graph.nodes.findIndex((n) => n.op === 'tanh');
    const tex = localRuleTex(c.graph, tanhNode, 0);
    expect(tex).toContain('= {1 - \\tanh^{2}({x \\cdot 0.9 + x})} = ');
    // "∂a₁/∂(x·0.9 + x) =", "1 − tanh²(x·0.9 + x) =", "0.4527" (a₀ = x is x itself)
    expect(boxes(tex)).toBe(3);
  });
});
