"""Step 2 of the PyTorch golden files (README.md here).

Reads the exports written by tensorExport.ts on stdin, runs each one with
PyTorch (float64) and writes, as JSON on stdout, each program's export, the
output's value and every input's gradient as nested lists. Run with Debian's
/usr/bin/python3 (torch 1.13); CI never runs this, it reads the committed result.
"""
import contextlib
import io
import json
import sys

import torch


def run(entry):
    namespace = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(entry["pytorch"], entry["id"] + ".py", "exec"), namespace)
    output = namespace[entry["output"]]
    grads = {}
    for item in entry["inputs"]:
        tensor = namespace[item["python"]]
        grad = tensor.grad if tensor.grad is not None else torch.zeros_like(tensor)
        grads[item["label"]] = grad.tolist()
    return {
        "id": entry["id"],
        "program": entry["program"],
        "pytorch": entry["pytorch"],
        "value": output.item(),
        "grads": grads,
    }


def main():
    exports = json.load(sys.stdin)
    golden = {
        "generator": "scripts/golden/tensorExport.ts | scripts/golden/tensor.py",
        "torch": torch.__version__,
        "programs": [run(entry) for entry in exports],
    }
    # Non-finite numbers are not JSON: a golden program must not produce them.
    json.dump(golden, sys.stdout, indent=1, allow_nan=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
