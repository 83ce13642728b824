import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compile } from '../engine';
import { escapeDotLabel, toDot } from './dot';

/** Graphviz itself: `dot -Tsvg` (apt-get install graphviz; .ci/run installs it). */
function dotSvg(source: string): string {
  return execFileSync('dot', ['-Tsvg'], { input: source, encoding: 'utf8' });
}

describe('toDot', () => {
  it('writes one record per node and one edge per input, left to right', () => {
    const { graph, trace } = compile('x = 3\nf = x * x');
    expect(toDot(graph, trace.grads)).toBe(
      [
        'digraph G {',
        '  rankdir=LR;',
        '  node [shape=record, fontname="Helvetica"];',
        '  n0 [label="{ x | data 3 | grad 6 }"];',
        '  n1 [label="{ f | data 9 | grad 1 }"];',
        '  n0 -> n1;',
        '  n0 -> n1;',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('escapes the characters that mean something in a record label', () => {
    expect(escapeDotLabel('a"b{c}|<d>\\')).toBe('a\\"b\\{c\\}\\|\\<d\\>\\\\');
  });

  it('a matrix shows its shape and its numbers row by row, its gradient the same way', () => {
    const { graph, trace } = compile('W = [[1, -2.5], [0.125, 3]]\nv = [1, 2]\nL = sum(W @ v)');
    const dot = toDot(graph, trace.finalGrads);
    expect(dot).toContain('  n0 [label="{ W | 2×2 | {data | {1 | -2.5} | {0.125 | 3}} | {grad | {1 | 2} | {1 | 2}} }"];');
    expect(dot).toContain('  n1 [label="{ v | 2 | {data | {1 | 2}} | {grad | {1.125 | 0.5}} }"];');
    expect(dot).toContain('  n3 [label="{ L | data 2.125 | grad 1 }"];');
  });

  it('a matrix larger than 6×6 shows its mean, minimum and maximum', () => {
    const { graph, trace } = compile('A = uniform(7, 3, seed=1)\nB = A * 2 + [1, 2, 3]\nL = sum(B)');
    const dot = toDot(graph, trace.finalGrads);
    expect(dot).toMatch(/n0 \[label="\{ A \| 7×3 \| \{data \| mean -?[\d.]+ \| min -?[\d.]+ \| max -?[\d.]+\} \| \{grad \| mean 2 \| min 2 \| max 2\} \}"\];/);
    expect(dot).toContain('{grad | mean 1 | min 1 | max 1}');
  });

  it('Graphviz accepts it: dot -Tsvg draws every number of a tensor program', () => {
    const { graph, trace } = compile('X = [[1, 2, 3], [4, 5, 6]]\nW = [[0.5, -1], [0, 2], [1, 0.25]]\nb = [0.1, -0.2]\nY = X @ W + b\nBig = ones(8, 8) * 0.5\nL = sum(Y * Y) + sum(Big)');
    const svg = dotSvg(toDot(graph, trace.finalGrads));
    expect(svg).toContain('<svg');
    for (const text of ['2×3', '3×2', '8×8', '&#45;0.2', '0.25', 'mean 0.5']) expect(svg).toContain(text);
    // One <g class="node"> per graph node.
    expect(svg.match(/<g id="node\d+" class="node">/g)).toHaveLength(graph.nodes.length);
  });
});

describe('toDot with Python labels and versions', () => {
  it("writes micrograd's labels as written and rebound names with primes, escaped", () => {
    const { graph } = compile("a = Value(2.0, label='a|b')\nc = a * 2; c.label = 'x1*w1 + {x}'\nc += 1\nc += c");
    const dot = toDot(graph);
    expect(dot).toContain('label="{ a\\|b | data 2 }"');
    expect(dot).toContain('label="{ x1*w1 + \\{x\\} | data 4 }"');
    expect(dot).toContain("label=\"{ c′ | data 5 }\"");
    expect(dot).toContain("label=\"{ c″ | data 10 }\"");
  });
});
