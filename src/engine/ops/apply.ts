// Applying any registry entry to tensors: the forward value, and the
// vector-Jacobian product a backward step sends to one input. Ops on numbers
// run element by element with broadcasting; where the forward pass stretched
// an input, its gradient is summed back over the stretched axes.
import { broadcastIndex, broadcastShapes, stretchedAxes, sumToShape } from '../tensor/broadcast';
import { describeShape, problem, shapeParams } from '../tensor/shapeProblem';
import { sizeOf, type Shape, type Tensor } from '../tensor/tensor';
import type { JacobianTerm, OpEntry, ShapeResult } from './types';

/** The output shape of an op for these input shapes, or why they do not fit. */
export function outputShape(entry: OpEntry, shapes: readonly Shape[], param: number | null): ShapeResult {
  switch (entry.kind) {
    case 'leaf':
      return shapes[0] ?? [];
    case 'tensor':
      return entry.shape(shapes, param);
    case 'elementwise': {
      if (shapes.length < 2) return shapes[0];
      const result = broadcastShapes(shapes[0], shapes[1]);
      if ('shape' in result) return result.shape;
      const [a, b] = result.clash;
      const [left, right] = shapes;
      const what = entry.verb
        ? `cannot ${entry.verb} ${describeShape(left)} and ${describeShape(right)}`
        : `cannot combine ${describeShape(left)} and ${describeShape(right)} with ${entry.name}`;
      const hint = entry.rule === 'swaps' ? '; for a matrix product write @' : '';
      return problem('broadcast', { op: entry.symbol, ...shapeParams(left, right), a, b }, `${what} element by element (sizes ${a} and ${b} differ${hint})`);
    }
  }
}

/** The forward value of a node from its inputs' values (and its folded constant). */
export function applyForward(entry: OpEntry, inputs: readonly Tensor[], param: number | null): Tensor {
  switch (entry.kind) {
    case 'leaf':
      return inputs[0];
    case 'tensor':
      return entry.forward(inputs, param);
    case 'elementwise': {
      const a = inputs[0];
      const { loops } = entry;
      if (inputs.length === 1) {
        const b = param ?? 0;
        const data = new Float64Array(a.data.length);
        if (loops) loops.forward(a.data, null, Float64Array.of(b), null, data);
        else for (let i = 0; i < data.length; i++) data[i] = entry.forward(a.data[i], b);
        return { shape: a.shape, data };
      }
      const b = inputs[1];
      const shape = outputShape(entry, [a.shape, b.shape], param) as Shape;
      const ia = broadcastIndex(a.shape, shape);
      const ib = broadcastIndex(b.shape, shape);
      const data = new Float64Array(sizeOf(shape));
      if (loops) loops.forward(a.data, ia, b.data, ib, data);
      else for (let i = 0; i < data.length; i++) data[i] = entry.forward(a.data[ia ? ia[i] : i], b.data[ib ? ib[i] : i]);
      return { shape, data };
    }
  }
}

/** What one input receives in a backward step. */
export interface Sent {
  /** ∂L/∂input contributed by this op: the shape of the input. */
  readonly amount: Tensor;
  /**
   * For ops on numbers, ∂out/∂input element by element, in the output's shape
   * (the diagonal of the Jacobian); null for ops on whole tensors.
   */
  readonly local: Tensor | null;
  /** Axes of the output the input was stretched along, summed over to give `amount`. */
  readonly summed: readonly number[];
}

/** The vector-Jacobian product: what the node sends to input `slot`, given g = ∂L/∂(node). */
export function applyVjp(entry: OpEntry, inputs: readonly Tensor[], out: Tensor, g: Tensor, slot: number, param: number | null): Sent {
  switch (entry.kind) {
    case 'leaf':
      throw new Error('a leaf has no inputs');
    case 'tensor':
      return { amount: entry.vjp(inputs, out, g, slot, param), local: null, summed: [] };
    case 'elementwise': {
      const a = inputs[0];
      const b = inputs[1];
      const derivative = slot === 0 ? entry.da : entry.db;
      const { loops } = entry;
      const n = out.data.length;
      const local = new Float64Array(n);
      const product = new Float64Array(n);
      if (!b) {
        const bv = param ?? 0;
        if (loops) loops.local(slot, a.data, null, Float64Array.of(bv), null, out.data, local);
        else for (let i = 0; i < n; i++) local[i] = derivative(a.data[i], bv, out.data[i]);
        for (let i = 0; i < n; i++) product[i] = local[i] * g.data[i];
        return { amount: { shape: a.shape, data: product }, local: { shape: out.shape, data: local }, summed: [] };
      }
      const ia = broadcastIndex(a.shape, out.shape);
      const ib = broadcastIndex(b.shape, out.shape);
      if (loops) loops.local(slot, a.data, ia, b.data, ib, out.data, local);
      else for (let i = 0; i < n; i++) local[i] = derivative(a.data[ia ? ia[i] : i], b.data[ib ? ib[i] : i], out.data[i]);
      for (let i = 0; i < n; i++) product[i] = local[i] * g.data[i];
      const input = slot === 0 ? a : b;
      const index = slot === 0 ? ia : ib;
      return {
        // Not stretched: the product is the amount itself (it is new, so nothing else holds it).
        amount: index ? sumToShape({ shape: out.shape, data: product }, input.shape, index) : { shape: input.shape, data: product },
        local: { shape: out.shape, data: local },
        summed: stretchedAxes(input.shape, out.shape),
      };
    }
  }
}

/** Multiply-adds of a node's forward pass, for the work limit. */
export function forwardCost(entry: OpEntry, shapes: readonly Shape[], out: Shape): number {
  return entry.kind === 'tensor' ? entry.cost(shapes) : sizeOf(out);
}

/**
 * One column of the node's Jacobian: each output element k that input element
 * `element` of input `slot` reaches, with ∂out_k/∂input_element. For ops on
 * numbers these are the places the element was broadcast to, with the local
 * derivative there.
 */
export function jacobianColumn(entry: OpEntry, inputs: readonly Tensor[], out: Tensor, slot: number, element: number, param: number | null): JacobianTerm[] {
  switch (entry.kind) {
    case 'leaf':
      return [];
    case 'tensor':
      return entry.column(inputs, out, slot, element, param);
    case 'elementwise': {
      const a = inputs[0];
      const b = inputs[1];
      const derivative = slot === 0 ? entry.da : entry.db;
      const ia = broadcastIndex(a.shape, out.shape);
      const ib = b ? broadcastIndex(b.shape, out.shape) : null;
      const index = slot === 0 ? ia : ib;
      const terms: JacobianTerm[] = [];
      for (let k = 0; k < out.data.length; k++) {
        if ((index ? index[k] : k) !== element) continue;
        const av = a.data[ia ? ia[k] : k];
        const bv = b ? b.data[ib ? ib[k] : k] : (param ?? 0);
        // Multiply swaps: the derivative is the other input's element there.
        const operand = entry.rule === 'swaps' && b ? { slot: 1 - slot, element: (slot === 0 ? ib : ia)?.[k] ?? k } : undefined;
        terms.push(operand ? { k, factor: derivative(av, bv, out.data[k]), operand } : { k, factor: derivative(av, bv, out.data[k]) });
      }
      return terms;
    }
  }
}
