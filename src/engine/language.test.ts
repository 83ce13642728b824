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

  it('reads Python that has no value, string or attribute in it as Python, so its errors are Python errors', () => {
    expect(detectLanguage('def f(x):\n    return x * 2')).toBe('micrograd');
    expect(detectLanguage('x = 1\nfor i in range(3):\n    x = x * 2')).toBe('micrograd');
    expect(detectLanguage('ys = [x * 2 for x in xs]')).toBe('micrograd');
    expect(detectLanguage('model = MLP(2, [16, 16, 1])')).toBe('micrograd');
    expect(detectLanguage('f = lambda x: x * 2')).toBe('micrograd');
    // names that happen to be Python keywords are still native
    expect(detectLanguage('for = 2\nin = for * 3')).toBe('native');
    expect(detectLanguage('pass = 2\nreturn = pass * 3\nraise += 1')).toBe('native');
    expect(detectLanguage('x = 1\nassert x')).toBe('micrograd');
  });

  it('reads PyTorch code as pytorch', () => {
    expect(detectLanguage('import torch\nx = torch.tensor(2.0, requires_grad=True)')).toBe('pytorch');
    expect(detectLanguage('x = torch.tensor([[1., 2.]], requires_grad=True)\ny = (x @ x.T).sum()')).toBe('pytorch');
  });
});
