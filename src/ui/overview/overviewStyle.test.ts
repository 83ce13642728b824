import { describe, expect, it } from 'vitest';
import { edgePaint, nodePaint, type NodeKind, type Palette } from './overviewStyle';

const p: Palette = { nodeFill: 'NF', opFill: 'OF', nodeStroke: 'NS', paramFill: 'PF', dataFill: 'DF', partial: 'PA', grad: 'GR', current: 'CU', value: 'VA', edge: 'ED', carried: 'CA' };
const value: NodeKind = { kind: 'value', isConst: false, group: false, inputRole: null };
const op: NodeKind = { ...value, kind: 'op' };
const constant: NodeKind = { ...value, isConst: true };

// Each case is what styles.css gives .node-shape for that look (see the rules it names).
describe('nodePaint', () => {
  it('follows the gradient: none, partial (dashed), final', () => {
    expect(nodePaint(p, value, '2||0|', false)).toEqual({ fill: 'NF', stroke: 'NS', width: 1.3, dash: null });
    expect(nodePaint(p, op, '2|0.5|0|', false)).toEqual({ fill: 'OF', stroke: 'PA', width: 2.5, dash: [5, 3] });
    expect(nodePaint(p, value, '2|0.5|1|', false)).toEqual({ fill: 'NF', stroke: 'GR', width: 2, dash: null });
  });

  it('marks the step: the visited or computed node, its operands and the nodes receiving', () => {
    expect(nodePaint(p, value, '2|0.5|0|visit', false)).toEqual({ fill: 'NF', stroke: 'CU', width: 5, dash: null });
    expect(nodePaint(p, op, '2||0|compute', false)).toMatchObject({ stroke: 'CU', width: 5 });
    expect(nodePaint(p, value, '2||0|operand', false)).toMatchObject({ stroke: 'VA', width: 2.5 });
    // .role-receive widens the border and keeps the gradient's colour and dashes
    expect(nodePaint(p, value, '2|0.5|0|receive', false)).toEqual({ fill: 'NF', stroke: 'PA', width: 3.5, dash: [5, 3] });
  });

  it('draws no gradient on a constant, but the step at it', () => {
    expect(nodePaint(p, constant, '3|1|1|', false)).toEqual({ fill: 'NF', stroke: 'NS', width: 1.3, dash: null });
    expect(nodePaint(p, constant, '3|1|0|receive', false)).toEqual({ fill: 'NF', stroke: 'NS', width: 1.3, dash: null });
    expect(nodePaint(p, constant, '3|1|1|visit', false)).toMatchObject({ stroke: 'CU', width: 5 });
  });

  it('fills parameters and data apart only where the program has both, and groups as operations', () => {
    expect(nodePaint(p, { ...value, inputRole: 'param' }, '1||0|', true).fill).toBe('PF');
    expect(nodePaint(p, { ...value, inputRole: 'data' }, '1||0|', true).fill).toBe('DF');
    expect(nodePaint(p, { ...value, inputRole: 'param' }, '1||0|', false).fill).toBe('NF');
    expect(nodePaint(p, { ...value, group: true }, '1|2|0|visit', false)).toEqual({ fill: 'OF', stroke: 'CU', width: 2.5, dash: null });
  });
});

describe('edgePaint', () => {
  it('colours an edge by what the step sends along it', () => {
    expect(edgePaint(p, '|', false)).toEqual({ stroke: 'ED', width: 1.4, dash: null });
    expect(edgePaint(p, 'forward|', false)).toEqual({ stroke: 'VA', width: 3, dash: null });
    expect(edgePaint(p, 'backward|0.5', false)).toEqual({ stroke: 'GR', width: 3.2, dash: [8, 4] });
    expect(edgePaint(p, 'carried|0.5', false)).toEqual({ stroke: 'CA', width: 1.4, dash: null });
    expect(edgePaint(p, 'backward|0.5', true)).toEqual({ stroke: 'ED', width: 1.4, dash: [3, 3] });
    expect(edgePaint(p, 'carried|0.5', true)).toEqual({ stroke: 'ED', width: 1.4, dash: [3, 3] });
  });
});
