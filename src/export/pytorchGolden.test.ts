// Chainstep against PyTorch: fixtures/golden/tensor.json was made by running each
// program's PyTorch export in PyTorch 1.13 (scripts/golden/README.md). The export must
// still be the code PyTorch ran, and the engine must give PyTorch's value and gradients.
import { describe, expect, it } from 'vitest';
import { TENSOR_PROGRAMS } from '../../fixtures/tensorPrograms';
import goldenFile from '../../fixtures/golden/tensor.json';
import { ALL_OPS, compile } from '../engine';
import { toNested, type Nested } from '../engine/tensor/tensor';
import { toPyTorch } from './pytorch';

type GoldenNested = number | GoldenNested[];
interface Golden {
  readonly torch: string;
  readonly programs: readonly { id: string; program: string; pytorch: string; value: number; grads: Record<string, GoldenNested> }[];
}
const golden = goldenFile as unknown as Golden;
const flat = (x: Nested | GoldenNested): number[] => (typeof x === 'number' ? [x] : x.flatMap(flat));

/** Relative 1e-12; an entry that is ~0 next to the largest one is measured against the largest. */
function expectAgree(actual: number[], expected: number[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  const scale = Math.max(...expected.map(Math.abs), 1e-300);
  actual.forEach((a, k) => {
    const e = expected[k];
    const size = Math.max(Math.abs(a), Math.abs(e));
    const error = a === e ? 0 : Math.abs(a - e) / (size > 1e-8 * scale ? size : scale);
    expect(error, `${what}[${k}]: ${a} vs PyTorch ${e}`).toBeLessThanOrEqual(1e-12);
  });
}

describe('PyTorch golden gradients (fixtures/golden/tensor.json)', () => {
  it('covers every program of fixtures/tensorPrograms.ts, as written now (else: npm run golden:tensor)', () => {
    expect(golden.programs.map((p) => [p.id, p.program])).toEqual(TENSOR_PROGRAMS.map((p) => [p.id, p.program]));
  });

  it('between them the programs use every op of the registry', () => {
    const ops = new Set(TENSOR_PROGRAMS.flatMap(({ program }) => compile(program).graph.nodes.map((n) => n.op)));
    expect([...ops].sort()).toEqual([...ALL_OPS].sort());
  });

  for (const entry of golden.programs) {
    it(`${entry.id}: the export is the code PyTorch ran, and the value and every gradient are PyTorch's`, () => {
      const { graph, trace } = compile(entry.program);
      expect(toPyTorch(graph)).toBe(entry.pytorch);
      expectAgree([graph.nodes[graph.output].value], [entry.value], 'value');
      const inputs = graph.nodes.filter((n) => n.op === 'input');
      expect(inputs.map((n) => n.label).sort()).toEqual(Object.keys(entry.grads).sort());
      for (const node of inputs) {
        const expected = entry.grads[node.label as string];
        expectAgree(flat(toNested(trace.finalGrads[node.index])), flat(expected), `∂L/∂${node.label}`);
      }
    });
  }
});
