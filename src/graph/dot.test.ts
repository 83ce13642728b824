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
