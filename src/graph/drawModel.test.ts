import { describe, expect, it } from 'vitest';
import { ALL_OPS, compile } from '../engine';
import { collapsedModel, nodeSymbol, opSymbol, toDrawModel } from './drawModel';
import { findGroups } from './groups';
import { GATE_CHIP_MAX_WIDTH, gateChipWidth, gateSymbolSqueeze, OP_NODE, VALUE_NODE } from './sizes';

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

describe('every computed node shows its operation', () => {
  it('the circuit: q shows the add gate and f the multiply gate beside their names', () => {
    const model = toDrawModel(compile('x = -2\ny = 5\nz = -4\nq = x + y\nf = q * z').graph);
    expect(model.nodes.map((n) => [n.label, n.kind, n.gate])).toEqual([
      ['x', 'value', null],
      ['y', 'value', null],
      ['z', 'value', null],
      ['q', 'value', '+'],
      ['f', 'value', '×'],
    ]);
  });

  it('named or not, a computed node has its symbol; inputs and constants have none', () => {
    const model = toDrawModel(compile('x = 0.5\nh = tanh(x * 3) ^ 2\ns = sigmoid(h)\nf = s + relu(h) - 1').graph);
    for (const n of model.nodes) {
      const computed = n.op !== 'input' && n.op !== 'const';
      // An op pill shows its symbol as its title; a named value box shows it as a gate.
      const shown = n.kind === 'op' ? n.symbol : n.gate;
      expect(Boolean(shown), `${n.id} (${n.op})`).toBe(computed);
      if (n.kind === 'value' && computed) expect(n.gate).toBe(n.symbol);
    }
    expect(model.nodes.filter((n) => n.gate !== null).map((n) => [n.label, n.gate])).toEqual([
      ['h', 'x²'],
      ['s', 'σ'],
      ['f', '−'],
    ]);
  });

  it('a collapsed neuron shows its activation, or Σ when it is linear', () => {
    const { graph } = compile('x1 = 1\nw1_11 = 0.5\nb1_1 = 0\nz1_1 = w1_11 * x1 + b1_1\na1_1 = tanh(z1_1)\nw2_11 = 2\nz2_1 = w2_11 * a1_1\nL = z2_1 ^ 2');
    const model = collapsedModel(graph, findGroups(graph));
    expect(model.nodes.filter((n) => n.group).map((n) => [n.group?.label, n.gate])).toEqual([
      ['z1_1', 'tanh'],
      ['z2_1', 'Σ'],
    ]);
  });

  it('gate chips are round for one character and widen with longer symbols, within the box', () => {
    expect(gateChipWidth('+')).toBeLessThan(gateChipWidth('x²'));
    expect(gateChipWidth('x²')).toBeLessThan(gateChipWidth('ReLU'));
    for (const op of ALL_OPS) expect(gateChipWidth(opSymbol(op)), op).toBeLessThan(VALUE_NODE.width / 2);
    // Long symbols are squeezed into the widest chip; short ones are drawn as they are.
    expect(gateSymbolSqueeze('softmax·CE')).toBe(GATE_CHIP_MAX_WIDTH - 6);
    expect(gateSymbolSqueeze('ReLU')).toBeUndefined();
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

describe('value boxes widen for long titles', () => {
  it('a short name keeps the standard width; a display label is written out in a wider box, up to a limit', async () => {
    const { compile } = await import('../engine');
    const { toDrawModel } = await import('./drawModel');
    const { MAX_VALUE_WIDTH, VALUE_NODE } = await import('./sizes');
    const { graph } = compile("x1 = Value(2.0, label='x1')\nw1 = Value(-3.0, label='w1')\nx1w1 = x1*w1; x1w1.label = 'x1*w1 + a long label'\nq = x1w1 * 2\nq.backward()");
    const widths = new Map(toDrawModel(graph).nodes.map((n) => [n.id, n.width]));
    expect(widths.get('x1')).toBe(VALUE_NODE.width);
    expect(widths.get('x1w1')).toBeGreaterThan(VALUE_NODE.width);
    expect(widths.get('x1w1')).toBeLessThanOrEqual(MAX_VALUE_WIDTH);
  });
});
