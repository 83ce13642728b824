#!/usr/bin/python3
"""Golden runs of torch.optim (SGD, SGD with momentum, Adam) in float64.

Writes fixtures/golden/optim.json, which src/engine/optim/golden.test.ts
replays step by step. Run once with a Python that has PyTorch (Debian's
python3-torch 1.13):

    /usr/bin/python3 scripts/golden/optim.py

CI does not run this script; it reads the committed JSON.

Three parameters of shapes [], [3] and [2, 3] are updated for 20 steps:
- with a fixed sequence of gradients (the same for every run; parameter `s`
  has no gradient at step 5, so torch skips it and Adam's count t for `s`
  falls one behind), and
- with the gradient of a small least-squares loss
      L = sum over rows r, columns j of (sum_i X[r][i] W[i][j] + v[j] + s - Y[r][j])^2
  computed here in plain Python floats with loops in a fixed order, so that
  the TypeScript test computes bit-for-bit the same gradient from the same
  parameters.
Each optimizer runs with lr 0.1 and lr 0.01, and once with a learning rate
changed on the fly (param_groups[0]['lr'] = 0.03 from step 10 on). Plain SGD
with lr 0.1 diverges on the least-squares loss (the gradient reaches 3e7 by
step 18), so the file also holds a divergence; the changed rate rescues it.

Parameters are compared after every step, with the optimizer's state
(momentum_buffer; exp_avg, exp_avg_sq and step). The optimizers run with
foreach=False, torch's per-tensor loops (_single_tensor_sgd/_adam).
"""
import json
import os
import random

import torch

STEPS = 20
SHAPES = {'s': [], 'v': [3], 'W': [2, 3]}
OPTIMIZERS = {
    'sgd': lambda ps, lr: torch.optim.SGD(ps, lr=lr, foreach=False),
    'momentum': lambda ps, lr: torch.optim.SGD(ps, lr=lr, momentum=0.9, foreach=False),
    'adam': lambda ps, lr: torch.optim.Adam(ps, lr=lr, foreach=False),
}

rng = random.Random(12)


def size(shape):
    n = 1
    for d in shape:
        n *= d
    return n


INITIAL = {name: [round(rng.uniform(-1, 1), 6) for _ in range(size(shape))] for name, shape in SHAPES.items()}

# Fixed gradients: normal draws whose scale changes from step to step (Adam
# divides the scale out, SGD does not), an exact zero at step 0, a whole zero
# gradient at step 3 and no gradient at all for `s` at step 5.
FIXED = []
for k in range(STEPS):
    scale = [1.0, 0.5, 3.0, 1.0, 0.1, 2.0, 10.0, 0.01][k % 8]
    step = {name: [rng.gauss(0, scale) for _ in range(size(shape))] for name, shape in SHAPES.items()}
    if k == 0:
        step['v'][1] = 0.0
    if k == 3:
        step['W'] = [0.0] * 6
    if k == 5:
        step['s'] = None
    FIXED.append(step)

X = [[round(rng.uniform(-1, 1), 3) for _ in range(2)] for _ in range(4)]
Y = [[round(rng.uniform(-2, 2), 3) for _ in range(3)] for _ in range(4)]


def least_squares_grads(p):
    """Gradient of L; loops in the order the TypeScript test uses."""
    s = p['s'][0]
    v = p['v']
    W = p['W']  # row-major 2x3
    gs = 0.0
    gv = [0.0] * 3
    gW = [0.0] * 6
    for r in range(4):
        for j in range(3):
            pred = X[r][0] * W[0 * 3 + j] + X[r][1] * W[1 * 3 + j] + v[j] + s
            d = 2.0 * (pred - Y[r][j])
            gs += d
            gv[j] += d
            for i in range(2):
                gW[i * 3 + j] += d * X[r][i]
    return {'s': [gs], 'v': gv, 'W': gW}


def flat(t):
    return [float(x) for x in t.detach().reshape(-1).tolist()]


def run(kind, lrs, gradients):
    params = {name: torch.tensor(INITIAL[name], dtype=torch.float64).reshape(shape).requires_grad_()
              for name, shape in SHAPES.items()}
    opt = OPTIMIZERS[kind](list(params.values()), lrs[0])
    steps = []
    for k in range(STEPS):
        opt.param_groups[0]['lr'] = lrs[k]
        current = {name: flat(t) for name, t in params.items()}
        grads = FIXED[k] if gradients == 'fixed' else least_squares_grads(current)
        for name, t in params.items():
            g = grads[name]
            t.grad = None if g is None else torch.tensor(g, dtype=torch.float64).reshape(SHAPES[name])
        opt.step()
        record = {'params': {name: flat(t) for name, t in params.items()}, 'state': {}}
        if gradients == 'least-squares':
            record['grads'] = grads
        for name, t in params.items():
            st = opt.state.get(t, {})
            if kind == 'momentum' and st.get('momentum_buffer') is not None:
                record['state'][name] = {'v': flat(st['momentum_buffer'])}
            if kind == 'adam' and st:
                record['state'][name] = {'m': flat(st['exp_avg']), 'v': flat(st['exp_avg_sq']), 't': int(st['step'].item())}
        steps.append(record)
    return {'optimizer': kind, 'gradients': gradients, 'lr': lrs, 'steps': steps}


def main():
    torch.set_default_dtype(torch.float64)
    schedule = [0.1] * 10 + [0.03] * (STEPS - 10)
    runs = []
    for gradients in ['fixed', 'least-squares']:
        for kind in OPTIMIZERS:
            for lrs in ([0.1] * STEPS, [0.01] * STEPS, schedule):
                runs.append(run(kind, lrs, gradients))
    out = {
        'generator': 'scripts/golden/optim.py',
        'torch': torch.__version__,
        'shapes': SHAPES,
        'initial': INITIAL,
        'fixedGrads': FIXED,
        'X': X,
        'Y': Y,
        'runs': runs,
    }
    path = os.path.join(os.path.dirname(__file__), '..', '..', 'fixtures', 'golden', 'optim.json')
    with open(path, 'w') as f:
        # One run per line keeps diffs readable and the file small.
        f.write('{\n')
        keys = [k for k in out if k != 'runs']
        for key in keys:
            f.write(f'  {json.dumps(key)}: {json.dumps(out[key])},\n')
        f.write('  "runs": [\n')
        f.write(',\n'.join('    ' + json.dumps(r) for r in runs))
        f.write('\n  ]\n}\n')
    print(f'wrote {os.path.normpath(path)}: {len(runs)} runs of {STEPS} steps')


if __name__ == '__main__':
    main()
