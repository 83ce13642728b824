import { describe, expect, it } from 'vitest';
import { parseSource } from './source';

describe('parseSource', () => {
  it('reads native programs with the native parser, unchanged', () => {
    const p = parseSource('x = 2\ny = x ^ 2');
    expect(p.language).toBeUndefined();
    expect(p.statements.map((s) => s.name)).toEqual(['x', 'y']);
  });

  it('reads micrograd and PyTorch programs with the Python reader, and says which', () => {
    expect(parseSource("a = Value(2.0, label='a')\nb = a.relu()").language).toBe('micrograd');
    expect(parseSource('import torch\na = torch.tensor(2.0, requires_grad=True)\nb = torch.relu(a)').language).toBe('pytorch');
  });

  it('an error in Python points into the Python text', () => {
    expect(() => parseSource("a = Value(2.0, label='a')\nb = a.relu() +")).toThrow(/^line 2, col 15: expected an expression after '\+'/);
  });
});
