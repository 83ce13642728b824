import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it('reads native programs as native, numbers like .5 included', () => {
    expect(detectLanguage('x = .5\ny = x * 2 # a comment with torch.tensor in it\nc += 1')).toBe('native');
    expect(detectLanguage('X = [[1, 2]]\nL = sum(X @ transpose(X))')).toBe('native');
  });

  it('reads micrograd code as micrograd', () => {
    expect(detectLanguage("a = Value(2.0, label='a')\nb = a * 3")).toBe('micrograd');
    expect(detectLanguage('from micrograd.engine import Value\nx = Value(-4.0)')).toBe('micrograd');
    expect(detectLanguage('o = n.tanh()\no.backward()')).toBe('micrograd');
  });

  it('reads PyTorch code as pytorch', () => {
    expect(detectLanguage('import torch\nx = torch.tensor(2.0, requires_grad=True)')).toBe('pytorch');
    expect(detectLanguage('x = torch.tensor([[1., 2.]], requires_grad=True)\ny = (x @ x.T).sum()')).toBe('pytorch');
  });
});
