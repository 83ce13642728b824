import { describe, expect, it } from 'vitest';
import { ALL_OPS, compile } from '../engine';
import { nodeSymbol, opSymbol, toDrawModel } from './drawModel';
import { OP_NODE, VALUE_NODE } from './sizes';

describe('toDrawModel', () => {
  it('draws inputs and named values as value boxes and anonymous ops as op pills', () => {
    const { graph } = compile('x = 3\nf = x * x + exp(x)');
    const model = toDrawModel(graph);
    expect(model.nodes.map((n) => [n.op, n.label, n.kind, n.symbol])).toEqual([
      ['input', 'x', 'value', ''],
      ['mul', null, 'op', '×'],
      ['exp', null, 'op', 'exp'],
      ['add', 'f', 'value', '+'],
    ]);
    expect(model.nodes[0]).toMatchObject({ index: 0, id: 'x', width: VALUE_NODE.width, height: VALUE_NODE.height });
    expect(model.nodes[1]).toMatchObject({ width: OP_NODE.width, height: OP_NODE.height });
    // x * x: two drawn edges between the same pair.
    expect(model.edges).toEqual(graph.edges.map((e) => [e.from, e.to]));
    expect(model.edges.filter(([a, b]) => a === 0 && b === 1)).toHaveLength(2);
    expect(model.edgeIds).toEqual(graph.edges.map((e) => e.index));
  });
});

describe('opSymbol and nodeSymbol', () => {
  it('has a symbol for every op but inputs and constants', () => {
    for (const op of ALL_OPS) expect(opSymbol(op).length > 0).toBe(op !== 'input' && op !== 'const');
    expect(['add', 'sub', 'mul', 'div', 'sigmoid', 'sqrt', 'log'].map((op) => opSymbol(op as never))).toEqual(['+', '−', '×', '÷', 'σ', '√', 'ln']);
  });

  it('writes a folded exponent into the symbol', () => {
    expect(nodeSymbol({ op: 'pow', param: 2 })).toBe('x²');
    expect(nodeSymbol({ op: 'pow', param: -1 })).toBe('x⁻¹');
    expect(nodeSymbol({ op: 'pow', param: 0.5 })).toBe('x^0.5');
    expect(nodeSymbol({ op: 'add', param: null })).toBe('+');
  });
});
