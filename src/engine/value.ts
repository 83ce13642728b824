import { ALL_OPS, OPS, type ElementwiseOp, type OpName } from './ops';

type Operand = Value | number;

// Values are numbers: only ops on numbers (and leaves, which have no inputs) appear on a tape.
const SPECS = ALL_OPS.map((name) => OPS[name]) as readonly ElementwiseOp[];
const CODE = Object.fromEntries(ALL_OPS.map((name, i) => [name, i])) as Record<OpName, number>;
const NONE = -1;

/**
 * The storage behind Values: one row per value, in creation order, as typed
 * arrays. A value only ever refers to earlier rows, so creation order is a
 * topological order and the backward pass is one sweep from the output down,
 * with no sort, no recursion and no per-node allocation.
 */
export class Tape {
  size = 0;
  op = new Uint8Array(1024);
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  data = new Float64Array(1024);
  /** grad[i] = ∂L/∂(value i) after the last `backward` on some L. */
  grad = new Float64Array(1024);

  push(op: number, a: number, b: number, data: number): number {
    if (this.size === this.data.length) this.grow();
    const i = this.size++;
    this.op[i] = op;
    this.a[i] = a;
    this.b[i] = b;
    this.data[i] = data;
    return i;
  }

  private grow(): void {
    const cap = this.data.length * 2;
    const op = new Uint8Array(cap);
    op.set(this.op);
    const a = new Int32Array(cap);
    a.set(this.a);
    const b = new Int32Array(cap);
    b.set(this.b);
    const data = new Float64Array(cap);
    data.set(this.data);
    const grad = new Float64Array(cap);
    grad.set(this.grad);
    Object.assign(this, { op, a, b, data, grad });
  }

  /** Which rows `out` depends on (including itself). */
  reachable(out: number): Uint8Array {
    const reach = new Uint8Array(out + 1);
    reach[out] = 1;
    for (let i = out; i >= 0; i--) {
      if (reach[i] === 0) continue;
      if (this.a[i] !== NONE) reach[this.a[i]] = 1;
      if (this.b[i] !== NONE) reach[this.b[i]] = 1;
    }
    return reach;
  }

  /**
   * Sets grad[i] = ∂(out)/∂(value i) for every row up to `out`; rows `out`
   * does not depend on get 0. Gradients are zeroed first, so a second call
   * gives the same result instead of doubling it.
   */
  backward(out: number): void {
    const { a, b, data, grad, op } = this;
    const reach = new Uint8Array(out + 1);
    grad.fill(0, 0, out + 1);
    grad[out] = 1;
    reach[out] = 1;
    for (let i = out; i >= 0; i--) {
      if (reach[i] === 0) continue;
      const ia = a[i];
      if (ia === NONE) continue;
      const ib = b[i];
      const spec = SPECS[op[i]];
      const av = data[ia];
      const bv = ib === NONE ? 0 : data[ib];
      const g = grad[i];
      // += : a value feeding several consumers sums their contributions.
      grad[ia] += spec.da(av, bv, data[i]) * g;
      reach[ia] = 1;
      if (ib !== NONE) {
        grad[ib] += spec.db(av, bv, data[i]) * g;
        reach[ib] = 1;
      }
    }
  }
}

let defaultTape = new Tape();

/** Values made without a tape go on a shared default tape; this starts a fresh one. */
export function resetDefaultTape(): Tape {
  defaultTape = new Tape();
  return defaultTape;
}

/**
 * A scalar in a computation graph, micrograd-style: `data` is the forward
 * value, `grad` is ∂L/∂(this value) after `L.backward()`. Inputs are kept in
 * order, so `x.mul(x)` has two edges from x and x receives two contributions.
 */
export class Value {
  readonly tape: Tape;
  readonly id: number;

  constructor(data: number, tape: Tape = defaultTape) {
    this.tape = tape;
    this.id = tape.push(CODE.input, NONE, NONE, data);
  }

  private static at(tape: Tape, id: number): Value {
    const v = Object.create(Value.prototype) as { tape: Tape; id: number };
    v.tape = tape;
    v.id = id;
    return v as Value;
  }

  get data(): number {
    return this.tape.data[this.id];
  }

  get grad(): number {
    return this.tape.grad[this.id];
  }

  get op(): OpName {
    return ALL_OPS[this.tape.op[this.id]];
  }

  /** The ordered inputs (empty for leaves). */
  get inputs(): Value[] {
    const { a, b } = this.tape;
    const ids = [a[this.id], b[this.id]].filter((i) => i !== NONE);
    return ids.map((i) => Value.at(this.tape, i));
  }

  private operand(x: Operand): number {
    if (typeof x === 'number') return this.tape.push(CODE.const, NONE, NONE, x);
    if (x.tape !== this.tape) throw new Error('cannot combine values from different tapes');
    return x.id;
  }

  private binary(op: OpName, other: Operand): Value {
    const t = this.tape;
    const b = this.operand(other);
    const code = CODE[op];
    return Value.at(t, t.push(code, this.id, b, SPECS[code].forward(t.data[this.id], t.data[b])));
  }

  private unary(op: OpName): Value {
    const t = this.tape;
    const code = CODE[op];
    return Value.at(t, t.push(code, this.id, NONE, SPECS[code].forward(t.data[this.id], 0)));
  }

  add(o: Operand): Value { return this.binary('add', o); }
  sub(o: Operand): Value { return this.binary('sub', o); }
  mul(o: Operand): Value { return this.binary('mul', o); }
  div(o: Operand): Value { return this.binary('div', o); }
  pow(o: Operand): Value { return this.binary('pow', o); }
  max(o: Operand): Value { return this.binary('max', o); }
  min(o: Operand): Value { return this.binary('min', o); }
  neg(): Value { return this.unary('neg'); }
  exp(): Value { return this.unary('exp'); }
  log(): Value { return this.unary('log'); }
  sqrt(): Value { return this.unary('sqrt'); }
  tanh(): Value { return this.unary('tanh'); }
  sigmoid(): Value { return this.unary('sigmoid'); }
  relu(): Value { return this.unary('relu'); }
  sin(): Value { return this.unary('sin'); }
  cos(): Value { return this.unary('cos'); }
  abs(): Value { return this.unary('abs'); }

  /** Every value this one depends on, inputs before consumers, ending with this one. */
  topological(): Value[] {
    const reach = this.tape.reachable(this.id);
    const order: Value[] = [];
    for (let i = 0; i <= this.id; i++) if (reach[i] === 1) order.push(Value.at(this.tape, i));
    return order;
  }

  /** Sets `grad` on every value this one depends on to ∂(this)/∂(that value). Safe to call twice. */
  backward(): void {
    this.tape.backward(this.id);
  }
}
