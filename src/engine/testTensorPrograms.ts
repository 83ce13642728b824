// Random well-shaped tensor programs over every op and every broadcasting
// case, for property tests (the expansion oracle). Only tests import this.
//
// A program picks sizes r, c, k (1–3) and draws every value from the shapes
// U = { [], [r], [c], [k], [r,c], [c,r], [r,k], [k,c], [r,1], [1,c] }: an
// expression of a wanted shape is a leaf of that shape, an op on numbers
// (with both sides of any broadcast that gives it), a matrix product, a sum or
// mean (with an axis), a transpose, a softmax or a softmax with cross-entropy.
// Logarithms, roots, quotients and non-integer powers get positive arguments
// (`sigmoid(e) + 0.5`), so every program is defined everywhere.
import fc from 'fast-check';
import type { Graph } from './graph';
import { OPS } from './ops';
import { broadcastIndex } from './tensor/broadcast';
import { shapeKey, sizeOf } from './tensor/tensor';
import { literalText } from './testPrograms';

type Shape = readonly number[];

interface Sizes {
  readonly r: number;
  readonly c: number;
  readonly k: number;
}

/** The shapes a program uses, with the letter of the input of each shape. */
function universe({ r, c, k }: Sizes): { shape: Shape; name: string }[] {
  const shapes: Shape[] = [[], [r], [c], [k], [r, c], [c, r], [r, k], [k, c], [r, 1], [1, c]];
  const seen = new Map<string, { shape: Shape; name: string }>();
  for (const shape of shapes) {
    const key = shapeKey(shape);
    if (!seen.has(key)) seen.set(key, { shape, name: 'ABCDEFGHJK'[seen.size] });
  }
  return [...seen.values()];
}

const same = (a: Shape, b: Shape) => shapeKey(a) === shapeKey(b);

/** Pairs of operand shapes (within U) that broadcast to `out`: NumPy's rules. */
function broadcastPairs(out: Shape, { r, c }: Sizes): [Shape, Shape][] {
  const pairs: [Shape, Shape][] = [
    [out, out],
    [[], out],
    [out, []],
  ];
  if (same(out, [r, c])) {
    pairs.push([[c], out], [out, [c]], [[r, 1], out], [[1, c], out], [[r, 1], [c]], [[c], [r, 1]], [[r, 1], [1, c]], [[1, c], [r, 1]]);
  }
  if (same(out, [c, r])) pairs.push([[r], out], [out, [r]]);
  return pairs;
}

/** Matrix products (within U) giving `out`: (r×k)@(k×c), (r×k)@(k), (k)@(k×c), (k)@(k), … */
function matmulPairs(out: Shape, { r, c, k }: Sizes): [Shape, Shape][] {
  const pairs: [Shape, Shape][] = [];
  if (same(out, [r, c])) pairs.push([[r, k], [k, c]]);
  if (same(out, [r])) pairs.push([[r, k], [k]], [[r, c], [c]]);
  if (same(out, [c])) pairs.push([[k], [k, c]], [[c, r], [r]]);
  if (same(out, [k])) pairs.push([[k, c], [c]]);
  if (out.length === 0) pairs.push([[k], [k]], [[c], [c]]);
  return pairs;
}

/** Reductions (within U) giving `out`: `sum(A)`, `mean(A, 0)`, … as [input shape, axis text]. */
function reductions(out: Shape, all: readonly Shape[], { r, c, k }: Sizes): [Shape, string][] {
  const list: [Shape, string][] = [];
  if (out.length === 0) {
    for (const s of all) list.push([s, '']);
    for (const s of all) if (s.length === 1) list.push([s, ', 0']);
  }
  if (same(out, [c])) list.push([[r, c], ', 0'], [[1, c], ', 0']);
  if (same(out, [r])) list.push([[r, c], ', 1'], [[r, 1], ', 1']);
  if (same(out, [k])) list.push([[r, k], ', 0']);
  return list;
}

const UNARY = ['exp', 'tanh', 'sigmoid', 'sin', 'cos', 'relu', 'abs', 'neg', 'log', 'sqrt', 'pow2', 'pow3'] as const;
const BINARY = ['+', '-', '*', '/', 'max', 'min', '^'] as const;

/** A small number as a literal, away from 0. */
const constant = fc.constantFrom('0.5', '2', '1.5', '(-0.75)', '3');

/** A positive version of an expression, for log, sqrt, division and powers. */
const positive = (e: string) => `(sigmoid(${e}) + 0.5)`;

interface Context {
  readonly sizes: Sizes;
  readonly shapes: readonly Shape[];
  /** Names defined so far, by shape key: the inputs and earlier statements. */
  readonly names: ReadonlyMap<string, readonly string[]>;
}

function leaf(shape: Shape, ctx: Context): fc.Arbitrary<string> {
  const names = ctx.names.get(shapeKey(shape)) ?? [];
  const literal =
    shape.length === 0
      ? constant
      : fc.array(fc.integer({ min: -8, max: 8 }), { minLength: sizeOf(shape), maxLength: sizeOf(shape) }).map((v) => literalText(shape, v.map((x) => x / 4)));
  return names.length === 0 ? literal : fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: literal });
}

/** An expression of shape `shape` at most `depth` ops deep. */
function expr(shape: Shape, ctx: Context, depth: number): fc.Arbitrary<string> {
  if (depth <= 0) return leaf(shape, ctx);
  const sub = (s: Shape) => expr(s, ctx, depth - 1);
  const options: { weight: number; arbitrary: fc.Arbitrary<string> }[] = [{ weight: 2, arbitrary: leaf(shape, ctx) }];
  options.push({
    weight: 3,
    arbitrary: fc.tuple(fc.constantFrom(...UNARY), sub(shape)).map(([f, a]) => {
      if (f === 'neg') return `-${a}`;
      if (f === 'pow2') return `(${a}) ^ 2`;
      if (f === 'pow3') return `(${a}) ^ 3`;
      return f === 'log' || f === 'sqrt' ? `${f}(${positive(a)})` : `${f}(${a})`;
    }),
  });
  options.push({
    weight: 4,
    arbitrary: fc
      .constantFrom(...broadcastPairs(shape, ctx.sizes))
      .chain(([sa, sb]) => fc.tuple(fc.constantFrom(...BINARY), sub(sa), sub(sb)))
      .map(([op, a, b]) => {
        if (op === 'max' || op === 'min') return `${op}(${a}, ${b})`;
        if (op === '/') return `((${a}) / ${positive(b)})`;
        if (op === '^') return `(${positive(a)} ^ (${b}))`;
        return `(${a} ${op} ${b})`;
      }),
  });
  const products = matmulPairs(shape, ctx.sizes);
  if (products.length > 0) {
    options.push({ weight: 3, arbitrary: fc.constantFrom(...products).chain(([sa, sb]) => fc.tuple(sub(sa), sub(sb))).map(([a, b]) => `(${a} @ ${b})`) });
  }
  const reduce = reductions(shape, ctx.shapes, ctx.sizes);
  if (reduce.length > 0) {
    options.push({
      weight: 2,
      arbitrary: fc.tuple(fc.constantFrom('sum', 'mean'), fc.constantFrom(...reduce)).chain(([f, [s, axis]]) => sub(s).map((a) => `${f}(${a}${axis})`)),
    });
  }
  if (shape.length === 2 && ctx.shapes.some((s) => same(s, [shape[1], shape[0]]))) {
    options.push({ weight: 1, arbitrary: sub([shape[1], shape[0]]).map((a) => `transpose(${a})`) });
  }
  if (shape.length > 0) options.push({ weight: 1, arbitrary: sub(shape).map((a) => `softmax(${a})`) });
  if (shape.length === 0) {
    const scores = ctx.shapes.filter((s) => s.length > 0);
    options.push({
      weight: 1,
      arbitrary: fc.constantFrom(...scores).chain((s) => fc.tuple(sub(s), leaf(s, ctx))).map(([z, t]) => `softmax_cross_entropy(${z}, ${t})`),
    });
  }
  return fc.oneof(...options);
}

export interface GeneratedProgram {
  readonly text: string;
  readonly sizes: Sizes;
}

/** Values in [−1.5, 1.5] away from 0, with all their digits (k/997). */
const value = fc.integer({ min: -1500, max: 1500 }).filter((k) => Math.abs(k) > 100).map((k) => k / 997);

/**
 * A whole program: inputs of every shape of U (some marked `param`), 1–3
 * statements of random shapes over the names before them (a name may be
 * assigned again), and a number as the output.
 */
export const tensorProgram: fc.Arbitrary<GeneratedProgram> = fc
  .record({ r: fc.integer({ min: 1, max: 3 }), c: fc.integer({ min: 1, max: 3 }), k: fc.integer({ min: 1, max: 3 }) })
  .chain((sizes) => {
    const inputs = universe(sizes);
    const values = fc.tuple(...inputs.map(({ shape }) => fc.array(value, { minLength: sizeOf(shape), maxLength: sizeOf(shape) })));
    const marks = fc.array(fc.boolean(), { minLength: inputs.length, maxLength: inputs.length });
    return fc.tuple(fc.constant(sizes), values, marks, fc.integer({ min: 1, max: 3 }));
  })
  .chain(([sizes, values, marks, count]) => {
    const inputs = universe(sizes);
    const shapes = inputs.map((u) => u.shape);
    const header = inputs.map(({ shape, name }, i) => `${marks[i] ? 'param ' : ''}${name} = ${literalText(shape, values[i])}`);
    const names = new Map<string, string[]>(inputs.map(({ shape, name }) => [shapeKey(shape), [name]]));
    let program: fc.Arbitrary<{ lines: string[]; names: Map<string, string[]>; defined: string[] }> = fc.constant({ lines: header, names, defined: [] });
    for (let s = 0; s < count; s++) {
      program = program.chain(({ lines, names, defined }) =>
        fc
          .tuple(fc.constantFrom(...shapes), fc.integer({ min: 0, max: 3 }))
          .chain(([shape, again]) => {
            // Now and then a name is assigned again (a new version of it, §11).
            const name = again === 0 && defined.length > 0 ? defined[defined.length - 1] : `Y${s + 1}`;
            return expr(shape, { sizes, shapes, names }, 2).map((e) => ({ shape, name, e }));
          })
          .map(({ shape, name, e }) => {
            const next = new Map([...names].map(([key, list]) => [key, list.filter((n) => n !== name)]));
            next.set(shapeKey(shape), [...(next.get(shapeKey(shape)) ?? []), name]);
            return { lines: [...lines, `${name} = ${e}`], names: next, defined: [...defined.filter((n) => n !== name), name] };
          }),
      );
    }
    return program.chain(({ lines, names }) =>
      expr([], { sizes, shapes, names }, 3).map((e) => ({ text: [...lines, `L = ${e}`].join('\n'), sizes })),
    );
  });

/**
 * Whether central differences can check this graph: values modest, and no
 * op on numbers within `margin` of a point where it has no derivative (0 for
 * relu and abs, a tie for max and min), entry by entry.
 */
export function smoothAt(graph: Graph, margin = 1e-3): boolean {
  for (const node of graph.nodes) {
    const data = node.tensor.data;
    for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i]) || Math.abs(data[i]) > 1e6) return false;
    if (OPS[node.op].kind !== 'elementwise') continue;
    const [a, b] = node.inputs.map((i) => graph.nodes[i]);
    const ia = broadcastIndex(a.shape, node.shape);
    const ib = b ? broadcastIndex(b.shape, node.shape) : null;
    for (let k = 0; k < data.length; k++) {
      const x = a.tensor.data[ia ? ia[k] : k];
      const y = b ? b.tensor.data[ib ? ib[k] : k] : 0;
      if ((node.op === 'relu' || node.op === 'abs') && Math.abs(x) < margin) return false;
      if ((node.op === 'max' || node.op === 'min') && Math.abs(x - y) < margin) return false;
    }
  }
  return true;
}
