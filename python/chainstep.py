"""Chainstep from Python: a micrograd graph as a Chainstep program, and a link that opens it.

In a notebook, after building a value with micrograd (or anything shaped like it):

    from chainstep import link
    print(link(L, "https://example.edu/chainstep/"))

`program(value)` returns the program in Chainstep's own language (CONTRACTS.md
section 1) that computes `value`; `link(value, base)` returns the address of
the app at `base` with that program in its `program=` key (section 3).

A value is any object with micrograd's public fields:

- `data`: its number;
- `_prev`: the values it was computed from (a set in micrograd, so the two
  operands of `x * x` are one element);
- `_op`: the operation that made it: '' for a leaf, '+', '*', '**3' (a power
  with a number exponent), 'ReLU', 'tanh', 'exp', and also '-', '/', 'neg',
  'log', 'sigmoid', 'sin', 'cos', 'abs', 'sqrt' for extended Value classes;
- `label` (optional): the name micrograd's lecture gives it.

How the graph is written:

- A value used twice stays one node (it gets a name of its own line).
- Names: a value's label when it has one (a label that is not a name, such as
  'x1*w1', becomes the name x1w1 with the label in a comment); otherwise the
  name of a variable of the caller that holds it (so `x = Value(-4.0)` is
  called x); otherwise v1, v2, ... for inputs and t1, t2, ... for the rest.
- micrograd makes a hidden leaf Value for every number mixed into an
  expression: `2 * x` is `x * Value(2)`, `-a` is `a * Value(-1)`, `a - b` is
  `a + b * Value(-1)`, `x / 2` is `x * Value(0.5)`. A leaf with no label, not
  held by a variable of the caller, and used exactly once, by a '+' or a '*',
  is such a hidden constant (so is one used once by '-', '/' or '**' of an
  extended Value class): it is written as a number, not as an input.
  Any other leaf is an input. Pass `inputs=[...]` to make sure values are
  inputs (for example the weights of a model built inside a function).
- Chainstep draws micrograd's own graph: `-a` appears as a multiplication by
  -1 and `a / b` as `a * b ** -1`, with micrograd's numbers.
- `_prev` does not keep the order of the operands. For '+' and '*' it does not
  matter; for '-', '/' and a power with a value exponent, the order that gives
  the value's own `data` is taken.

Standard library only.
"""

import hashlib
import inspect
import math
import re
import urllib.parse

__all__ = ["program", "link", "MAX_LINK_PROGRAM"]

#: Longest program the app accepts from a link, in characters (CONTRACTS.md section 3).
MAX_LINK_PROGRAM = 100_000

# Chainstep functions of one value, by micrograd-style op name.
_FUNCTIONS = {
    "relu": "relu", "tanh": "tanh", "exp": "exp", "log": "log", "sigmoid": "sigmoid",
    "sin": "sin", "cos": "cos", "abs": "abs", "sqrt": "sqrt",
}
_BINARY = {"+": ("+", 1), "*": ("*", 2), "-": ("-", 1), "/": ("/", 2)}
# Precedence when writing expressions, as in the native language: + - < * / < unary - < ** < atoms.
_ATOM = 5
# Deepest expression written in place before a part gets a name of its own (readable lines; the app allows 200 levels).
_MAX_INLINE_DEPTH = 12
_NAME = re.compile(r"^[^\W\d]\w*$")


def _number(x):
    """A number as the native language writes it: 2, -4.0, 1e-05, 1e999 for infinity."""
    x = float(x)
    if math.isnan(x):
        raise ValueError("a value is NaN, which a Chainstep program cannot write as a number")
    if math.isinf(x):
        return "1e999" if x > 0 else "-1e999"
    if x == int(x) and abs(x) < 1e16:
        return str(int(x)) if not (x == 0 and math.copysign(1, x) < 0) else "-0"
    return repr(x)


def _parse_op(op, children):
    """('add'|'mul'|'sub'|'div'|'pow'|'neg'|fn, exponent or None) for a micrograd `_op` string."""
    if op in _BINARY:
        return op, None
    if op.startswith("**"):
        try:
            return "**", float(op[2:])
        except ValueError:
            if len(children) == 2:
                return "**", None
            raise ValueError(f"cannot read the exponent of _op {op!r}") from None
    if op in ("neg", "-x"):
        return "neg", None
    name = op.lower()
    if name in _FUNCTIONS:
        return _FUNCTIONS[name], None
    raise ValueError(
        f"unsupported _op {op!r}: Chainstep reads '+', '*', '-', '/', '**k', 'neg', "
        + ", ".join(repr(f) for f in ("ReLU", "tanh", "exp", "log", "sigmoid", "sin", "cos", "abs", "sqrt"))
    )


def _close(a, b):
    return a == b or (math.isfinite(a) and math.isfinite(b) and abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b)))


def _ordered(node, kind, children):
    """The operands in order. `_prev` is a set: for - / ** the order that reproduces node.data is taken."""
    if isinstance(node._prev, (list, tuple)) or len(children) < 2 or kind in ("+", "*"):
        return children
    a, b = children

    def apply(x, y):
        try:
            return {"-": x - y, "/": x / y if y != 0 else math.nan, "**": x ** y}[kind]
        except (OverflowError, ZeroDivisionError, ValueError):
            return math.nan

    forward = apply(float(a.data), float(b.data))
    return [a, b] if isinstance(forward, float) and _close(forward, float(node.data)) else [b, a]


def _caller_names(frame):
    """Variables of the caller's frame, by the id of the value they hold (notebook history names skipped)."""
    names = {}
    if frame is None:
        return names
    for scope in (frame.f_globals, frame.f_locals):
        for name, value in scope.items():
            if name.startswith("_") or name in ("In", "Out") or not hasattr(value, "_prev"):
                continue
            names.setdefault(id(value), name)
    return names


def _label_name(label):
    """A Chainstep name for a label: the label itself when it is a name, else its letters, digits and _."""
    if _NAME.match(label):
        return label
    cleaned = re.sub(r"\W", "", label)
    if not cleaned:
        return None
    return cleaned if _NAME.match(cleaned) else f"v_{cleaned}"


def _topological(root, key):
    """Every value under `root`, each after the values it is computed from (no recursion).

    `_prev` is a set, whose order changes from run to run: children are visited
    in the order of `key`, so the same graph always gives the same program.
    """
    order, seen, stack = [], set(), [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.append((node, True))
        for child in sorted(node._prev, key=key, reverse=True):
            if id(child) not in seen:
                stack.append((child, False))
    return order


def program(value, inputs=(), names=None, _frame=None):
    """The Chainstep program (native language) that computes `value`, a micrograd-like value.

    `inputs`: values that must be inputs even where they look like micrograd's
    hidden constants. `names`: a dict of name -> value to name values by
    (default: the variables of the caller; pass {} to use labels and v1, t1, ...).
    """
    if names is None:
        by_id = _caller_names(_frame if _frame is not None else inspect.currentframe().f_back)
    else:
        by_id = {}
        for name, v in names.items():
            by_id.setdefault(id(v), name)
    forced = {id(v) for v in inputs}

    def label_of(node):
        label = getattr(node, "label", None)
        return label if isinstance(label, str) and label else None

    # A signature of each value from what it is made of, so that the order of a set does not matter:
    # named values first, by name, then by signature.
    signature = {}
    for node in _topological(value, id):
        name = label_of(node) or by_id.get(id(node)) or ""
        parts = sorted(signature[id(c)] for c in node._prev)
        text = f"{name}|{getattr(node, '_op', '')}|{node.data!r}|{','.join(parts)}"
        signature[id(node)] = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()

    def key(node):
        name = label_of(node) or by_id.get(id(node))
        return (name is None, name or "", signature[id(node)])

    order = _topological(value, key)
    index = {id(node): i for i, node in enumerate(order)}

    # How each node is made, and how many times it is used (`x * x` uses x twice).
    made, uses = [], [0] * len(order)
    for node in order:
        children = sorted(node._prev, key=key)
        op = getattr(node, "_op", "") or ""
        if not children:
            made.append(None)
            continue
        kind, exponent = _parse_op(op, children)
        arity = 1 if kind in _FUNCTIONS.values() or kind == "neg" or (kind == "**" and exponent is not None) else 2
        if len(children) > arity:
            raise ValueError(f"_op {op!r} with {len(children)} operands")
        operands = _ordered(node, kind, children) if len(children) == arity else children * arity
        made.append((kind, exponent, [index[id(c)] for c in operands]))
        for c in operands:
            uses[index[id(c)]] += 1

    # A leaf nobody named, used once by an operator (+ * - / **): a number micrograd wrapped in a Value.
    consumer = {}
    for i, how in enumerate(made):
        if how:
            for c in how[2]:
                consumer.setdefault(c, how[0])
    constant = [
        made[i] is None and i != len(order) - 1 and label_of(node) is None and id(node) not in by_id
        and id(node) not in forced and uses[i] == 1 and consumer.get(i) in ("+", "*", "-", "/", "**")
        for i, node in enumerate(order)
    ]
    # `2 * x` is written x * 2, as micrograd builds it: constants second where the order is free.
    for i, how in enumerate(made):
        if how and how[0] in ("+", "*") and len(how[2]) == 2 and constant[how[2][0]] and not constant[how[2][1]]:
            how[2].reverse()

    # Which nodes get a line of their own, and their names.
    named = [
        i == len(order) - 1 or (made[i] is None and not constant[i]) or uses[i] > 1
        or label_of(node) is not None or id(node) in by_id
        for i, node in enumerate(order)
    ]
    depth = [0] * len(order)
    for i, how in enumerate(made):
        if how:
            depth[i] = 1 + max((0 if named[c] or constant[c] else depth[c]) for c in how[2])
            if depth[i] > _MAX_INLINE_DEPTH:
                named[i] = True
    taken, name_of, comment = {"param"}, {}, {}
    wanted = []
    for i, node in enumerate(order):
        if not named[i]:
            continue
        label = label_of(node)
        name = _label_name(label) if label else None
        if label and name != label:
            comment[i] = label
        wanted.append((i, name or by_id.get(id(node))))
    counters = {"v": 0, "t": 0}
    for i, name in wanted:
        if name is not None:
            base, k = name, 1
            while name in taken:
                k += 1
                name = f"{base}_{k}"
        else:
            prefix = "v" if made[i] is None else "t"
            while True:
                counters[prefix] += 1
                name = f"{prefix}{counters[prefix]}"
                if name not in taken:
                    break
        taken.add(name)
        name_of[i] = name

    def expr(i):
        """(text, precedence) of node i where it is used."""
        if i in name_of:
            return name_of[i], _ATOM
        if constant[i]:
            text = _number(order[i].data)
            return (f"({text})", _ATOM) if text.startswith("-") else (text, _ATOM)
        return define(i)

    def wrap(i, minimum):
        text, prec = expr(i)
        return text if prec >= minimum else f"({text})"

    def define(i):
        kind, exponent, operands = made[i]
        if kind in _BINARY:
            token, prec = _BINARY[kind]
            a, b = operands
            return f"{wrap(a, prec)} {token} {wrap(b, prec + 1)}", prec
        if kind == "**":
            right = _number(exponent) if exponent is not None else wrap(operands[1], 3)
            return f"{wrap(operands[0], _ATOM)} ** {f'({right})' if right.startswith('-') else right}", 4
        if kind == "neg":
            return f"-{wrap(operands[0], 3)}", 3
        return f"{kind}({expr(operands[0])[0]})", _ATOM

    lines = []
    for i, node in enumerate(order):
        if i not in name_of:
            continue
        text = _number(node.data) if made[i] is None else define(i)[0]
        line = f"{name_of[i]} = {text}"
        if i in comment:
            line += "  # " + " ".join(comment[i].split())
        lines.append(line)
    return "\n".join(lines) + "\n"


def link(value, base, step=None, inputs=(), names=None):
    """A link to the Chainstep app at `base` that opens the program computing `value`.

    `step`: a step to open at (a number, 'forward' or 'end'). Raises ValueError
    when the program is longer than a link may carry (MAX_LINK_PROGRAM).
    """
    text = program(value, inputs=inputs, names=names, _frame=inspect.currentframe().f_back)
    if len(text) > MAX_LINK_PROGRAM:
        raise ValueError(f"the program has {len(text):,} characters; a link carries at most {MAX_LINK_PROGRAM:,}")
    query = [("program", text)] + ([("step", str(step))] if step is not None else [])
    parts = urllib.parse.urlsplit(base)
    kept = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in kept if k not in ("program", "step", "lesson")]
    encoded = urllib.parse.urlencode(kept + query, quote_via=urllib.parse.quote)
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path or "/", encoded, parts.fragment))
