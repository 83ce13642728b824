// Expand to scalars: the rewriting itself, its names and limits, and the oracle
// that the tests of issue 11 ask for: tensor engine = expanded scalar engine = central differences.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandToScalars, type Expansion } from './expand';
import { numericGradientTensor } from './gradcheck';
import { nodeById } from './graph';
import { ALL_OPS, compile } from './index';
import { MAX_EXPAND_NODES, MAX_PROGRAM_CHARS } from './limits';
import { smoothAt, tensorProgram } from './testTensorPrograms';

function expand(text: string, options: { maxNodes?: number } = {}): Extract<Expansion, { ok: true }> {
  const result = expandToScalars(compile(text).graph, { source: text, ...options });
  if (!result.ok) throw new Error(`expected an expansion, got ${JSON.stringify(result)}`);
  return result;
}

const AFFINE = ['X = [[1, 2, 3], [4, 5, 6]]', 'W = [[0.5, -1], [0, 2], [1, 0.25]]', 'b = [0.1, -0.2]', 'Y = X @ W + b', 'L = sum(Y * Y)'].join('\n');

describe('a tensor program written out as scalars', () => {
  it('the Affine layer: every entry an input, each entry of Y a sum of products plus its bias', () => {
    expect(expand(AFFINE).text).toBe(
      [
        '# X = [[1, 2, 3], [4, 5, 6]]',
        'X_11 = 1',
        'X_12 = 2',
        'X_13 = 3',
        'X_21 = 4',
        'X_22 = 5',
        'X_23 = 6',
        '# W = [[0.5, -1], [0, 2], [1, 0.25]]',
        'W_11 = 0.5',
        'W_12 = -1',
        'W_21 = 0',
        'W_22 = 2',
        'W_31 = 1',
        'W_32 = 0.25',
        '# b = [0.1, -0.2]',
        'b_1 = 0.1',
        'b_2 = -0.2',
        '# Y = X @ W + b',
        'Y_11 = X_11 * W_11 + X_12 * W_21 + X_13 * W_31 + b_1',
        'Y_12 = X_11 * W_12 + X_12 * W_22 + X_13 * W_32 + b_2',
        'Y_21 = X_21 * W_11 + X_22 * W_21 + X_23 * W_31 + b_1',
        'Y_22 = X_21 * W_12 + X_22 * W_22 + X_23 * W_32 + b_2',
        '# L = sum(Y * Y)',
        'L = Y_11 * Y_11 + Y_12 * Y_12 + Y_21 * Y_21 + Y_22 * Y_22',
      ].join('\n'),
    );
  });

  it('gives the same values and the same gradients, entry by entry (the bias summed over the batch)', () => {
    const tensor = compile(AFFINE);
    const scalar = compile(expand(AFFINE).text);
    expect(scalar.graph.hasTensors).toBe(false);
    const grad = (label: string) => scalar.trace.grads[nodeById(scalar.graph, label)!.index];
    const b = tensor.trace.finalGrads[tensor.graph.nodes.findIndex((n) => n.label === 'b')].data;
    expect([grad('b_1'), grad('b_2')]).toEqual([b[0], b[1]]);
    expect(grad('b_1')).toBeCloseTo(7.2 + 16.2, 12);
    expect(scalar.graph.nodes[scalar.graph.output].value).toBe(tensor.graph.nodes[tensor.graph.output].value);
  });

  it('softmax: the exponentials and row sums are named once, each probability divides them', () => {
    const text = expand('Z = [[1, 2], [0, -1]]\nP = softmax(Z)\nL = sum(P * [[1, 0], [0, 1]])').text;
    expect(text).toContain('E1_11 = exp(Z_11)');
    expect(text).toContain('S1_1 = E1_11 + E1_12');
    expect(text).toContain('P_12 = E1_12 / S1_1');
    expect(text).toContain('P_21 = E1_21 / S1_2');
    // The constant one-hot weights are numbers written into the sum.
    expect(text.split('\n').at(-1)).toBe('L = P_11 * 1 + P_12 * 0 + P_21 * 0 + P_22 * 1');
  });

  it('softmax with cross-entropy is −Σ t·log p / N', () => {
    const text = expand('Z = [[1, 2], [0, -1]]\nT = [[0, 1], [1, 0]]\nL = softmax_cross_entropy(Z, T)').text;
    expect(text.split('\n').at(-1)).toBe('L = -(T_11 * log(E1_11 / S1_1) + T_12 * log(E1_12 / S1_1) + T_21 * log(E1_21 / S1_2) + T_22 * log(E1_22 / S1_2)) / 2');
  });

  it('sums with an axis, means and transposes; a transpose names the same scalars', () => {
    const text = expand('A = [[1, 2, 3], [4, 5, 6]]\nc = sum(A, 0)\nr = mean(A, 1)\nB = transpose(A)\nL = sum(c) + sum(r) + sum(B * B)').text;
    expect(text).toContain('c_1 = A_11 + A_21');
    expect(text).toContain('r_2 = (A_21 + A_22 + A_23) / 3');
    expect(text).toContain('B_12 = A_21');
    expect(text).toContain('B_32 = A_23');
    // A view of a view is written with the name it came through.
    expect(expand('A = [[1, 2], [3, 4]]\nB = transpose(A)\nC = transpose(B)\nL = sum(C * B)').text).toContain('C_12 = B_21');
    expect(text.split('\n').at(-1)).toBe('L = c_1 + c_2 + c_3 + (r_1 + r_2) + (B_11 * B_11 + B_12 * B_12 + B_21 * B_21 + B_22 * B_22 + B_31 * B_31 + B_32 * B_32)');
  });

  it('a transpose of an unnamed value takes the name; a value broadcast over a batch is a temporary', () => {
    const text = expand('A = [[1, 2], [3, 4]]\nv = [1, -1]\nQ = transpose(A * 2)\nL = sum(A * sum(v * v))').text;
    expect(text).toContain('Q_21 = A_12 * 2');
    expect(text).toContain('t1 = v_1 * v_1 + v_2 * v_2');
    expect(text.split('\n').at(-1)).toBe('L = A_11 * t1 + A_12 * t1 + A_21 * t1 + A_22 * t1');
  });

  it('values of constants alone become numbers; a number keeps its name and is rebound as written', () => {
    const text = expand('x = 2\nc = x * 3\nc = c + sum([1, 2] * 2)\nL = c * c').text;
    expect(text).toBe(['# x = 2', 'x = 2', '# c = x * 3', 'c = x * 3', '# c = c + sum([1, 2] * 2)', 'c = c + 6', '# L = c * c', 'L = c * c'].join('\n'));
  });

  it('keeps param marks when the program has some, and writes none when it has none', () => {
    const marked = expand('param W = [1, 2]\nx = [3, 4]\nL = sum(W * x)').text;
    expect(marked).toContain('param W_1 = 1');
    expect(marked).toContain('\nx_2 = 4');
    const roles = compile(marked).graph.nodes.filter((n) => n.op === 'input').map((n) => [n.label, n.role]);
    expect(roles).toEqual([
      ['W_1', 'param'],
      ['W_2', 'param'],
      ['x_1', 'data'],
      ['x_2', 'data'],
    ]);
    expect(expand('W = [1, 2]\nL = sum(W)').text).not.toContain('param');
  });
});

describe('names that display well and never clash', () => {
  const names = (text: string) => compile(expand(text).text).graph.nodes.flatMap((n) => (n.label ? [n.label] : []));

  it('a side over 9 separates the indices: W_1_12', () => {
    const labels = names('W = ones(2, 10)\nL = sum(W)');
    expect(labels.slice(0, 3)).toEqual(['W_1_1', 'W_1_2', 'W_1_3']);
    expect(labels).toContain('W_2_10');
  });

  it('a matrix assigned again is Yv2', () => {
    expect(names('A = [[1, 2]]\nY = A * 2\nY = Y + 1\nL = sum(Y)')).toEqual(['A_11', 'A_12', 'Y_11', 'Y_12', 'Yv2_11', 'Yv2_12', 'L']);
  });

  it('a name the program uses already gets a number', () => {
    expect(names('W_11 = 5\nW = [[1, 2]]\nt1 = 3\nL = sum(W * W_11) * sum(W * sum(W * t1))')).toEqual(
      expect.arrayContaining(['W_11', 'W2_11', 'W2_12', 't1', 't2']),
    );
  });
});

describe('limits', () => {
  it('refuses a program over the drawing limit before building anything', () => {
    const started = Date.now();
    const result = expandToScalars(compile('X = randn(64, 784)\nW = randn(784, 10)\nL = sum(X @ W)').graph);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toEqual({ ok: false, reason: 'tooBig', nodes: 64 * 784 + 784 * 10 + 64 * 10 + 1, max: MAX_EXPAND_NODES });
  });

  it('refuses when the written-out products pass the limit, though the entries do not', () => {
    // 80 + 80 inputs and 400 + 1 results, but 400 products of 4 terms: 400 × 7 ops.
    const result = expandToScalars(compile('A = ones(20, 4)\nB = ones(4, 20)\nL = sum(A @ B)').graph);
    expect(result).toMatchObject({ ok: false, reason: 'tooBig', max: MAX_EXPAND_NODES });
    if (!result.ok && result.reason === 'tooBig') expect(result.nodes).toBeGreaterThan(MAX_EXPAND_NODES);
  });

  it('refuses a text longer than a program may be', () => {
    const result = expandToScalars(compile('A = randn(100, 100, seed=2)\nL = sum(A)').graph, { maxNodes: 100_000 });
    expect(result).toMatchObject({ ok: false, reason: 'tooLong', max: MAX_PROGRAM_CHARS });
  });

  it('a long sum is split into temporaries that keep within the parser’s limits, in the same order', () => {
    const text = 'v = uniform(1400, seed=3)\nL = sum(v)';
    const expanded = expand(text);
    expect(expanded.nodes).toBe(2799);
    const scalar = compile(expanded.text);
    expect(scalar.graph.nodes).toHaveLength(2799);
    // Added in the engine's order: the same number to the last bit.
    expect(scalar.graph.nodes[scalar.graph.output].value).toBe(compile(text).graph.nodes[1].value);
  });
});

/** The largest gradient entry of the program, for judging entries that cancel to about 0. */
function gradScale(grads: readonly { data: Float64Array }[]): number {
  let scale = 0;
  for (const g of grads) for (const x of g.data) if (Number.isFinite(x)) scale = Math.max(scale, Math.abs(x));
  return scale;
}

describe('the oracle: tensor engine = expanded scalar engine = central differences', () => {
  it('on random programs over every op and broadcast, every entry of every gradient agrees', () => {
    const opsSeen = new Set<string>();
    let smooth = 0;
    let worst = 0;
    fc.assert(
      fc.property(tensorProgram, ({ text }) => {
        const tensor = compile(text);
        tensor.graph.nodes.forEach((n) => opsSeen.add(n.op));
        const expanded = expandToScalars(tensor.graph, { source: text });
        if (!expanded.ok) throw new Error(`not expanded: ${expanded.reason}`);
        const scalar = compile(expanded.text);
        expect(scalar.graph.nodes).toHaveLength(expanded.nodes);
        expect(scalar.graph.hasTensors).toBe(false);
        const scale = gradScale(tensor.trace.finalGrads);
        tensor.graph.nodes.forEach((node, i) =>
          expanded.ids[i].forEach((id, e) => {
            if (id === null) return;
            const s = nodeById(scalar.graph, id);
            if (!s) throw new Error(`no node ${id}`);
            expect(s.value).toBeCloseTo(node.tensor.data[e], 10);
            const a = tensor.trace.finalGrads[i].data[e];
            const b = scalar.trace.grads[s.index];
            // Relative 1e-12; an entry that cancels to ~0 is compared with the largest gradient instead.
            const size = Math.max(Math.abs(a), Math.abs(b));
            const error = a === b ? 0 : Math.abs(a - b) / (size > 1e-8 * scale ? size : scale);
            worst = Math.max(worst, error);
            expect(error).toBeLessThanOrEqual(1e-12);
          }),
        );
        if (!smoothAt(tensor.graph)) return;
        smooth++;
        for (const node of tensor.graph.nodes) {
          if (node.op !== 'input') continue;
          const numeric = numericGradientTensor(tensor.graph, node.index).data;
          const backprop = tensor.trace.finalGrads[node.index].data;
          numeric.forEach((x, k) => expect(Math.abs(x - backprop[k])).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(backprop[k]))));
        }
      }),
      { numRuns: 150, seed: 11 },
    );
    // Every op of the registry appeared, and most programs were smooth enough for central differences.
    expect([...opsSeen].sort()).toEqual([...ALL_OPS].sort());
    expect(smooth).toBeGreaterThan(110);
    expect(worst).toBeLessThan(1e-12);
  });

  it('the node count it reports is the expanded graph’s', () => {
    fc.assert(
      fc.property(tensorProgram, ({ text }) => {
        const expanded = expandToScalars(compile(text).graph);
        if (!expanded.ok) throw new Error('not expanded');
        expect(compile(expanded.text).graph.nodes).toHaveLength(expanded.nodes);
      }),
      { numRuns: 100 },
    );
  });
});
