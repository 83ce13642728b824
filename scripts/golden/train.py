#!/usr/bin/python3
"""Golden training runs in PyTorch for fixtures/trainingRuns.ts.

    npx tsx scripts/golden/trainExport.ts > /tmp/train-cases.json
    /usr/bin/python3 scripts/golden/train.py /tmp/train-cases.json > fixtures/golden/train.json

Each case is Chainstep's own PyTorch export of the program (src/export/pytorch.ts):
its lines that make the inputs are run once; then every step sets the data
inputs to that step's mini-batch (the rows Chainstep drew), runs the lines that
compute the loss, records the loss, and takes one torch.optim step (foreach=False,
float64) on the parameters. src/engine/training/golden.test.ts replays the runs
with `trainLines` and compares every loss and the final parameters. CI does not
run this script; it reads the committed JSON.
"""
import json
import re
import sys

import torch

INPUT = re.compile(r"^(\w+) = torch\.tensor\(.*requires_grad=True\)$")


def split_export(code):
    """The export's input lines and its computation lines (up to backward())."""
    inputs, compute = [], []
    for line in code.splitlines():
        if line.startswith("import") or line.startswith("#") or not line.strip():
            continue
        if line.endswith(".backward()"):
            break
        (inputs if INPUT.match(line) else compute).append(line)
    return "\n".join(inputs), "\n".join(compute)


def optimizer(settings, params):
    kind = settings["optimizer"]
    lr = settings["lr"]
    if kind == "sgd":
        return torch.optim.SGD(params, lr=lr, foreach=False)
    if kind == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=settings.get("momentum", 0.9), foreach=False)
    return torch.optim.Adam(params, lr=lr, foreach=False)


def run(case):
    inputs_code, compute_code = split_export(case["export"])
    ns = {"torch": torch}
    exec(inputs_code, ns)
    params = [ns[name] for name in case["params"]]
    opt = optimizer(case["settings"], params)
    losses = []
    for k in range(case["steps"]):
        if case["batches"]:
            for name, value in case["batches"][k].items():
                ns[name] = torch.tensor(value, dtype=torch.float64)
        exec(compute_code, ns)
        loss = ns[case["output"]]
        losses.append(loss.item())
        opt.zero_grad()
        loss.backward()
        opt.step()
    return {"name": case["name"], "losses": losses, "params": {name: ns[name].tolist() for name in case["params"]}}


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    json.dump({"torch": torch.__version__, "runs": [run(case) for case in cases]}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
