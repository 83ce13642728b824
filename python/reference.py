"""Prints the reference numbers for the PyTorch programs of fixtures/python.ts.

Runs each PyTorch program exactly as quoted and prints, per program, every
tensor it leaves behind with its value and (for leaves) its gradient, as JSON
lines. The unit tests hold these numbers; run this again to check them:

    /usr/bin/python3 python/reference.py

Needs torch (CI does not run it; the numbers are committed in the tests).
"""
import json
import pathlib
import re

import torch

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "python.ts"


def programs():
    text = FIXTURES.read_text(encoding="utf-8")
    for name, body in re.findall(r"(\w+): \{\n    source: [^\n]*\n    text: `(.*?)`", text, re.S):
        if "torch" in body:
            yield name, body


def main():
    torch.set_printoptions(precision=17)
    for name, body in programs():
        env = {"torch": torch, "print": lambda *args: None}
        exec(body, env)  # the quoted program, as a student runs it
        tensors = {}
        for key, value in env.items():
            if isinstance(value, torch.Tensor):
                entry = {"data": value.tolist() if value.dim() > 0 and value.numel() > 1 else value.item()}
                if value.is_leaf and value.grad is not None:
                    entry["grad"] = value.grad.tolist() if value.grad.numel() > 1 else value.grad.item()
                tensors[key] = entry
        print(json.dumps({"program": name, "torch": torch.__version__, "tensors": tensors}))


if __name__ == "__main__":
    main()
