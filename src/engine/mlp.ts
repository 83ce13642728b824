import { Tape, Value } from './value';

export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'identity';

/** A multilayer perceptron over Values: weights of each neuron, then its bias. */
export interface Mlp {
  readonly sizes: readonly number[];
  /** layers[l][j] = [w_0, …, w_{n-1}, b] of neuron j in layer l. */
  readonly layers: readonly (readonly (readonly Value[])[])[];
  readonly activations: readonly Activation[];
}


/** Layer sizes [nin, ...nouts]; params in layer, neuron, weight-then-bias order. */
export function makeMlp(
  nin: number,
  nouts: readonly number[],
  params: readonly number[],
  activations?: readonly Activation[],
  tape: Tape = new Tape(),
): Mlp {
  const sizes = [nin, ...nouts];
  let k = 0;
  const layers = nouts.map((nout, l) =>
    Array.from({ length: nout }, () =>
      Array.from({ length: sizes[l] + 1 }, () => {
        if (k >= params.length) throw new Error(`expected more than ${params.length} parameters`);
        return new Value(params[k++], tape);
      }),
    ),
  );
  if (k !== params.length) throw new Error(`expected ${k} parameters, got ${params.length}`);
  // Default, as in micrograd: ReLU on hidden layers, linear output.
  const acts = activations ?? nouts.map((_, l) => (l === nouts.length - 1 ? 'identity' : 'relu'));
  return { sizes, layers, activations: acts };
}

export function mlpParameters(mlp: Mlp): Value[] {
  return mlp.layers.flat(2);
}

function activate(v: Value, act: Activation): Value {
  switch (act) {
    case 'relu':
      return v.relu();
    case 'tanh':
      return v.tanh();
    case 'sigmoid':
      return v.sigmoid();
    case 'identity':
      return v;
  }
}

/** Forward pass for one sample: Σ w·x + b per neuron, then the layer's activation. */
export function mlpForward(mlp: Mlp, x: readonly (Value | number)[]): Value[] {
  let inputs: (Value | number)[] = [...x];
  mlp.layers.forEach((layer, l) => {
    inputs = layer.map((neuron) => {
      const nin = neuron.length - 1;
      let sum = neuron[nin]; // bias
      for (let i = 0; i < nin; i++) sum = sum.add(neuron[i].mul(inputs[i]));
      return activate(sum, mlp.activations[l]);
    });
  });
  return inputs as Value[];
}

/**
 * micrograd's moons loss: mean hinge loss relu(1 − y·score) over the samples
 * plus alpha · Σ params².
 */
export function hingeLoss(mlp: Mlp, xs: readonly (readonly number[])[], ys: readonly number[], alpha = 1e-4): Value {
  const tape = mlp.layers[0][0][0].tape;
  let data = new Value(0, tape);
  xs.forEach((x, i) => {
    const score = mlpForward(mlp, x)[0];
    data = data.add(score.mul(-ys[i]).add(1).relu());
  });
  data = data.mul(1 / xs.length);
  let reg = new Value(0, tape);
  for (const p of mlpParameters(mlp)) reg = reg.add(p.mul(p));
  return data.add(reg.mul(alpha));
}
