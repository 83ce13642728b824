import { describe, expect, it } from 'vitest';
import { compile } from './index';
import { setInputValues, setParameterValues } from './edit';

describe('setInputValues', () => {
  it('writes trained values into the input statements and leaves the rest alone', () => {
    const text = '# start\nx = 1\ny = 4; z = -2\nf = x^2 + y^2 + z';
    const compiled = compile(text);
    const inputs = new Map([
      [0, -0.999999912],
      [1, 3.2e-7],
      [2, -2],
    ]);
    expect(setInputValues(text, compiled.graph, inputs)).toBe('# start\nx = -1\ny = 3.2e-7; z = -2\nf = x^2 + y^2 + z');
  });

  it('writes them into Python inputs too: Value(…), torch.tensor(…), torch.Tensor([…]), keeping labels and keywords', () => {
    const text = "a = Value(2.0, label='a'); b = Value(data=-3.0)\nx = torch.tensor(-4.0, requires_grad=True)\ny = torch.Tensor([0.5]).double()\nf = a * b + x * y";
    const compiled = compile(text);
    const inputs = new Map([
      [0, 1.5],
      [1, -2.25],
      [2, 7],
      [3, -0.125],
    ]);
    const edited = setInputValues(text, compiled.graph, inputs);
    expect(edited).toBe("a = Value(1.5, label='a'); b = Value(data=-2.25)\nx = torch.tensor(7, requires_grad=True)\ny = torch.Tensor([-0.125]).double()\nf = a * b + x * y");
    expect(compile(edited).graph.nodes.filter((n) => n.op === 'input').map((n) => n.value)).toEqual([1.5, -2.25, 7, -0.125]);
  });
});

describe('setParameterValues', () => {
  const tensor = (shape: number[], values: number[]) => ({ shape, data: Float64Array.from(values) });

  it('writes vectors and matrices as literals, rounded, keeping param, comments and other statements', () => {
    const text = '# net\nparam W = randn(2, 3, std=0.5, seed=1)  # weights\nparam b = zeros(3); x = [1, 2]\nL = sum(x @ W + b)';
    const graph = compile(text).graph;
    const values = new Map([
      ['W', tensor([2, 3], [0.123456, -1, 2e-9, 3, -0.00004567, 1 / 3])],
      ['b', tensor([3], [0.5, -0, 1e6 + 0.4])],
    ]);
    const out = setParameterValues(text, graph, values);
    expect(out).toBe('# net\nparam W = [[0.1235, -1, 2e-9],\n    [3, -0.00004567, 0.3333]]  # weights\nparam b = [0.5, 0, 1000000]; x = [1, 2]\nL = sum(x @ W + b)');
    // The new text means those values, and writing again replaces the matrix spread over two lines.
    const again = compile(out).graph;
    expect(Array.from(again.nodes.find((n) => n.label === 'W')!.tensor.data)).toEqual([0.1235, -1, 2e-9, 3, -0.00004567, 0.3333]);
    const twice = setParameterValues(out, again, new Map([['W', tensor([2, 3], [1, 2, 3, 4, 5, 6])]]));
    expect(twice).toBe('# net\nparam W = [[1, 2, 3],\n    [4, 5, 6]]  # weights\nparam b = [0.5, 0, 1000000]; x = [1, 2]\nL = sum(x @ W + b)');
  });

  it('writes numbers to 6 significant digits and leaves inputs without a value alone', () => {
    const text = 'x = 1\nparam w = 0.5\ny = 3\nL = (x * w - y) ^ 2';
    const out = setParameterValues(text, compile(text).graph, new Map([['w', tensor([], [1.49999999])]]));
    expect(out).toBe('x = 1\nparam w = 1.5\ny = 3\nL = (x * w - y) ^ 2');
  });
});
