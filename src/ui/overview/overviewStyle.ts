// How a big graph's overview canvas (overviewCanvas.ts) paints a node or an
// edge at a step: the same colours and stroke widths as styles.css gives the
// SVG (.node-shape, .grad-*, .role-*, .node-const, .edge-*), from the same
// look keys (nodeVisual.ts). The colours are the page's CSS variables, read
// when a renderer is made and again on a new theme, so a theme applies to both alike.
import type { NodeRole } from '../nodeVisual';
import { parseNodeVisual } from '../nodeVisual';

export interface Palette {
  nodeFill: string;
  opFill: string;
  nodeStroke: string;
  paramFill: string;
  dataFill: string;
  partial: string;
  grad: string;
  current: string;
  value: string;
  edge: string;
  carried: string;
}

/** The CSS variable behind each colour of the palette (styles.css :root and .theme-dark). */
export const PALETTE_VARIABLES: Record<Exclude<keyof Palette, 'carried'>, string> = {
  nodeFill: '--node-fill',
  opFill: '--op-fill',
  nodeStroke: '--node-stroke',
  paramFill: '--param-fill',
  dataFill: '--data-fill',
  partial: '--partial',
  grad: '--grad',
  current: '--current',
  value: '--value',
  edge: '--edge',
};

/** styles.css .edge-carried (one colour in both themes). */
export const CARRIED_EDGE = '#d9a27f';

/** The palette as `element` sees the page's CSS variables. */
export function readPalette(element: Element): Palette {
  const style = getComputedStyle(element);
  const out = { carried: CARRIED_EDGE } as Palette;
  for (const [key, variable] of Object.entries(PALETTE_VARIABLES)) out[key as keyof typeof PALETTE_VARIABLES] = style.getPropertyValue(variable).trim() || '#888888';
  return out;
}

/** What a node is, as far as its paint goes (fixed for a drawing). */
export interface NodeKind {
  /** A named value (a rounded box) or an operation (a pill). */
  kind: 'value' | 'op';
  isConst: boolean;
  /** A collapsed group (softmax·CE, a neuron). */
  group: boolean;
  /** §10: a parameter or data input, filled apart when the program has both. */
  inputRole: 'param' | 'data' | null;
}

export interface ShapePaint {
  fill: string;
  stroke: string;
  /** In drawing units, as the SVG's stroke-width. */
  width: number;
  /** stroke-dasharray in drawing units, or null for a solid line. */
  dash: readonly number[] | null;
}

/** A node's fill and border at its look `key` (nodeVisualKey); `roles`: the program has both parameters and data. */
export function nodePaint(p: Palette, node: NodeKind, key: string, roles: boolean): ShapePaint {
  const v = parseNodeVisual(key);
  const role: NodeRole = v.role;
  let fill = node.kind === 'op' || node.group ? p.opFill : p.nodeFill;
  if (roles && node.inputRole === 'param') fill = p.paramFill;
  if (roles && node.inputRole === 'data') fill = p.dataFill;
  let stroke = p.nodeStroke;
  let width = 1.3;
  let dash: readonly number[] | null = null;
  const graded = v.grad !== undefined;
  if (graded && !v.final) [stroke, width, dash] = [p.partial, 2.5, [5, 3]];
  if (graded && v.final) [stroke, width] = [p.grad, 2];
  if (role === 'compute' || role === 'visit') [stroke, width, dash] = [p.current, 5, null];
  if (role === 'operand') [stroke, width] = [p.value, 2.5];
  if (role === 'receive') width = 3.5;
  if (node.group) [width, dash] = [2.5, null];
  if (node.isConst) {
    // A literal is not a variable: its gradient is not drawn, but a step at it is.
    if (graded || role === 'receive') [stroke, width, dash] = [p.nodeStroke, 1.3, null];
    if (role === 'visit') [stroke, width, dash] = [p.current, 5, null];
  }
  return { fill, stroke, width, dash };
}

/** An edge's stroke at its look `key` (edgeVisualKey: `role|amount`); `fromConst`: it leaves a constant. */
export function edgePaint(p: Palette, key: string, fromConst: boolean): Omit<ShapePaint, 'fill'> {
  const role = key.split('|')[0];
  if (fromConst && (role === 'backward' || role === 'carried')) return { stroke: p.edge, width: 1.4, dash: [3, 3] };
  if (role === 'forward') return { stroke: p.value, width: 3, dash: null };
  if (role === 'backward') return { stroke: p.grad, width: 3.2, dash: [8, 4] };
  if (role === 'carried') return { stroke: p.carried, width: 1.4, dash: null };
  return { stroke: p.edge, width: 1.4, dash: null };
}
