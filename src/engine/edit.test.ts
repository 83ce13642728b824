import { describe, expect, it } from 'vitest';
import { compile } from './index';
import { setInputValues } from './edit';

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
