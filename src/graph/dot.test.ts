import { describe, expect, it } from 'vitest';
import { compile } from '../engine';
import { escapeDotLabel, toDot } from './dot';

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
