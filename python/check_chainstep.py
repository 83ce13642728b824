"""Cases for chainstep.py, run by src/engine/python/helper.test.ts with a stock python3.

A small stand-in for micrograd's Value (its public fields data, grad, _prev,
_op, label, and its operators, with micrograd's way of building the graph:
numbers become hidden leaf Values, -a is a * -1, a - b is a + (-b), a / b is
a * b**-1) builds each case's graph and runs its backward pass. For every case
this prints one JSON line: the program chainstep.program() writes, the link,
the output's data and the gradient of each named leaf, as micrograd computes them.
"""
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import chainstep  # noqa: E402


class Value:
    """Enough of micrograd's Value: the same fields, the same graph for the same expression."""

    def __init__(self, data, _children=(), _op="", label=""):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op
        self.label = label

    @staticmethod
    def _wrap(other):
        return other if isinstance(other, Value) else Value(other)

    def __add__(self, other):
        other = self._wrap(other)
        out = Value(self.data + other.data, (self, other), "+")

        def backward():
            self.grad += out.grad
            other.grad += out.grad

        out._backward = backward
        return out

    def __mul__(self, other):
        other = self._wrap(other)
        out = Value(self.data * other.data, (self, other), "*")

        def backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = backward
        return out

    def __pow__(self, k):
        assert isinstance(k, (int, float))
        out = Value(self.data ** k, (self,), f"**{k}")

        def backward():
            self.grad += k * self.data ** (k - 1) * out.grad

        out._backward = backward
        return out

    def _unary(self, data, op, local):
        out = Value(data, (self,), op)

        def backward():
            self.grad += local(out) * out.grad

        out._backward = backward
        return out

    def relu(self):
        return self._unary(0 if self.data < 0 else self.data, "ReLU", lambda out: float(out.data > 0))

    def tanh(self):
        t = math.tanh(self.data)
        return self._unary(t, "tanh", lambda out: 1 - t ** 2)

    def exp(self):
        return self._unary(math.exp(self.data), "exp", lambda out: out.data)

    def __neg__(self):
        return self * -1

    def __radd__(self, other):
        return self + other

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return other + (-self)

    def __rmul__(self, other):
        return self * other

    def __truediv__(self, other):
        return self * other ** -1

    def __rtruediv__(self, other):
        return other * self ** -1

    def backward(self):
        order, seen = [], set()

        def visit(v):
            if v not in seen:
                seen.add(v)
                for child in v._prev:
                    visit(child)
                order.append(v)

        visit(self)
        self.grad = 1.0
        for v in reversed(order):
            v._backward()


class Minus(Value):
    """An extended Value whose '-' and '/' are ops of their own (order of _prev lost in a set)."""

    def __sub__(self, other):
        other = self._wrap(other)
        out = Minus(self.data - other.data, (self, other), "-")

        def backward():
            self.grad += out.grad
            other.grad -= out.grad

        out._backward = backward
        return out

    def __truediv__(self, other):
        other = self._wrap(other)
        out = Minus(self.data / other.data, (self, other), "/")

        def backward():
            self.grad += out.grad / other.data
            other.grad -= self.data / other.data ** 2 * out.grad

        out._backward = backward
        return out


def report(name, out, leaves, text=None, **link_args):
    """One case: the program, a link, micrograd's numbers (each input leaf's data and gradient)."""
    out.backward()
    print(json.dumps({
        "case": name,
        "program": text if text is not None else chainstep.program(out, _frame=sys._getframe(1)),
        "link": chainstep.link(out, "https://example.edu/chainstep/?lang=zh-CN#top", step="end", **link_args),
        "data": out.data,
        "inputs": [{"name": k, "data": v.data, "grad": v.grad} for k, v in leaves.items()],
    }))


def sanity_check():
    x = Value(-4.0)
    z = 2 * x + 2 + x
    q = z.relu() + z * x
    h = (z * z).relu()
    y = h + q + q * x
    report("sanity", y, {"x": x}, text=chainstep.program(y))


def more_ops():
    a = Value(-4.0)
    b = Value(2.0)
    c = a + b
    d = a * b + b ** 3
    c += c + 1
    c += 1 + c + (-a)
    d += d * 2 + (b + a).relu()
    d += 3 * d + (b - a).relu()
    e = c - d
    f = e ** 2
    g = f / 2.0
    g += 10.0 / f
    report("more_ops", g, {"a": a, "b": b}, text=chainstep.program(g))


def lecture_neuron():
    x1 = Value(2.0, label="x1")
    x2 = Value(0.0, label="x2")
    w1 = Value(-3.0, label="w1")
    w2 = Value(1.0, label="w2")
    b = Value(6.8813735870195432, label="b")
    x1w1 = x1 * w1
    x1w1.label = "x1*w1"
    x2w2 = x2 * w2
    x2w2.label = "x2*w2"
    x1w1x2w2 = x1w1 + x2w2
    x1w1x2w2.label = "x1*w1 + x2*w2"
    n = x1w1x2w2 + b
    n.label = "n"
    e = (2 * n).exp()
    o = (e - 1) / (e + 1)
    o.label = "o"
    report("neuron_exp", o, {"x1": x1, "x2": x2, "w1": w1, "w2": w2, "b": b}, text=chainstep.program(o, names={}))


def square_and_reuse():
    # _prev of x * x is {x}: one operand, used twice; t = a + b is used by three nodes
    a = Value(3.0, label="a")
    b = Value(-1.0)
    t = a + b
    out = t * t + t.relu() + (a * a).tanh()
    # b is unlabelled and used once by +: written as the constant -1, like micrograd's hidden Values
    report("square", out, {"a": a}, text=chainstep.program(out, names={}))


def weights_in_a_function():
    # Weights made inside a function and used once: micrograd's hidden constants look the same,
    # so they must be passed as inputs.
    def neuron(xs):
        ws = [Value(0.5), Value(-1.5)]
        act = sum((w * x for w, x in zip(ws, xs)), Value(0.25))
        return act.tanh(), ws

    out, ws = neuron([2.0, 1.0])
    without = chainstep.program(out, names={})
    text = chainstep.program(out, inputs=ws, names={})
    out.backward()
    print(json.dumps({
        "case": "weights", "without": without, "program": text, "data": out.data,
        "inputs": [{"name": f"w{i}", "data": w.data, "grad": w.grad} for i, w in enumerate(ws)],
    }))


def extended_ops():
    p = Minus(5.0, label="p")
    q = Minus(2.0, label="q")
    r = (q - p) / (p - 1) - q / p
    report("extended", r, {"p": p, "q": q}, text=chainstep.program(r, names={}))


def long_chain():
    x = Value(0.5, label="x")
    t = x
    for _ in range(300):
        t = t * 0.99 + 0.01
    report("chain", t, {"x": x}, text=chainstep.program(t, names={}))


def messy_labels():
    a = Value(1.5, label="a")
    b = Value(2.0, label="a")  # the same label twice
    c = Value(-1.0, label="x 1 (in)")
    d = Value(3.0, label="param")
    out = a * b + c * d
    out.label = "f(a, b)\nnext"
    report("labels", out, {"a": a, "b": b, "c": c, "d": d}, text=chainstep.program(out, names={}))


def notebook_names():
    # No labels: the variables of the code that calls program() or link() name the values,
    # as in a notebook cell after micrograd's README example
    xx = Value(-4.0)
    yy = Value(2.0)
    zz = xx * yy + xx
    text = chainstep.program(zz)
    url = chainstep.link(zz, "https://example.edu/chainstep/?lang=zh-CN#top", step="end")
    zz.backward()
    print(json.dumps({
        "case": "notebook", "program": text, "link": url, "data": zz.data,
        "inputs": [{"name": "xx", "data": xx.data, "grad": xx.grad}, {"name": "yy", "data": yy.data, "grad": yy.grad}],
    }))


def too_long_for_a_link():
    # 4,000 labelled inputs: the program is longer than a link may carry (no backward: it would recurse too deep)
    total = Value(0.0, label="start")
    for i in range(4000):
        total = total + Value(float(i), label=f"input_number_{i}")
    text = chainstep.program(total, names={})
    try:
        chainstep.link(total, "https://example.edu/chainstep/")
        error = None
    except ValueError as err:
        error = str(err)
    print(json.dumps({"case": "too_long", "length": len(text), "lines": text.count("\n"), "error": error}))


if __name__ == "__main__":
    for case in (sanity_check, more_ops, lecture_neuron, square_and_reuse, weights_in_a_function, extended_ops, long_chain, messy_labels,
                 notebook_names, too_long_for_a_link):
        case()
