"""The difftest program IR: expressions and statements that print as PyTorch
Python and as Gradlab JavaScript (API.md conventions: keyword arguments become
an options object passed last, dtypes are strings, `x[...]` is `x.at(...)`,
`with torch.no_grad():` is `torch.no_grad(() => ...)`).

An expression is a small tuple-free class tree; `py(e)` and `js(e)` print it.
"""
import math


class Var:
    def __init__(self, name):
        self.name = name


class Lit:
    """A number, bool, None or nested list of them. A float that is integral
    stays a float in Python (`2.0`) but JS cannot tell it from an int, so the
    generator only makes non-integral floats, except -0.0 which JS keeps."""

    def __init__(self, value):
        self.value = value


class DType:
    def __init__(self, name):
        self.name = name


class Call:
    """fn(args, **kwargs): fn is a dotted name valid in both languages
    (`torch.add`, `F.mse_loss`, `torch.autograd.grad`)."""

    def __init__(self, fn, args=(), kwargs=None):
        self.fn, self.args, self.kwargs = fn, list(args), dict(kwargs or {})


class Meth:
    def __init__(self, obj, name, args=(), kwargs=None):
        self.obj, self.name, self.args, self.kwargs = obj, name, list(args), dict(kwargs or {})


class Attr:
    def __init__(self, obj, name):
        self.obj, self.name = obj, name


class Item:
    """list_value[i]: same text in both languages."""

    def __init__(self, obj, i):
        self.obj, self.i = obj, i


class Index:
    """Indexing: items are ints, None for `:`, (start, stop, step), or an expression (an index
    tensor, a mask, a list of ints), which makes it advanced indexing."""

    def __init__(self, obj, items):
        self.obj, self.items = obj, items


class List:
    def __init__(self, items):
        self.items = items


def _num_py(x):
    if isinstance(x, bool):
        return "True" if x else "False"
    if isinstance(x, int):
        return str(x)
    if math.isnan(x):
        return "float('nan')"
    if math.isinf(x):
        return "float('inf')" if x > 0 else "float('-inf')"
    return repr(x)


def _num_js(x):
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return str(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "-0" if math.copysign(1, x) < 0 else "0"
    return repr(x)


def _lit(v, num, none):
    if v is None:
        return none
    if isinstance(v, list):
        return "[" + ", ".join(_lit(x, num, none) for x in v) + "]"
    if isinstance(v, str):
        return repr(v)
    return num(v)


def _slice_py(item):
    if item is None:
        return ":"
    if isinstance(item, int):
        return str(item)
    if not isinstance(item, tuple):  # an index tensor, mask or list: the expression itself
        return py(item)
    start, stop, step = item
    text = ("" if start is None else str(start)) + ":" + ("" if stop is None else str(stop))
    return text + ("" if step is None else ":" + str(step))


def _slice_js(item):
    if item is None:
        return "null"
    if isinstance(item, int):
        return str(item)
    if not isinstance(item, tuple):
        return js(item)
    return "'" + _slice_py(item) + "'"


def py(e):
    if isinstance(e, Var):
        return e.name
    if isinstance(e, Lit):
        return _lit(e.value, _num_py, "None")
    if isinstance(e, DType):
        return "torch." + e.name
    if isinstance(e, List):
        return "[" + ", ".join(py(x) for x in e.items) + "]"
    if isinstance(e, Call):
        return e.fn + "(" + _args_py(e.args, e.kwargs) + ")"
    if isinstance(e, Meth):
        return py(e.obj) + "." + e.name + "(" + _args_py(e.args, e.kwargs) + ")"
    if isinstance(e, Attr):
        return py(e.obj) + "." + e.name
    if isinstance(e, Item):
        return py(e.obj) + "[" + str(e.i) + "]"
    if isinstance(e, Index):
        return py(e.obj) + "[" + ", ".join(_slice_py(i) for i in e.items) + "]"
    raise TypeError(e)


def js(e):
    if isinstance(e, Var):
        return e.name
    if isinstance(e, Lit):
        return _lit(e.value, _num_js, "null")
    if isinstance(e, DType):
        return "'" + e.name + "'"
    if isinstance(e, List):
        return "[" + ", ".join(js(x) for x in e.items) + "]"
    if isinstance(e, Call):
        return e.fn + "(" + _args_js(e.args, e.kwargs) + ")"
    if isinstance(e, Meth):
        return js(e.obj) + "." + e.name + "(" + _args_js(e.args, e.kwargs) + ")"
    if isinstance(e, Attr):
        return js(e.obj) + "." + e.name
    if isinstance(e, Item):
        return js(e.obj) + "[" + str(e.i) + "]"
    if isinstance(e, Index):
        return js(e.obj) + ".at(" + ", ".join(_slice_js(i) for i in e.items) + ")"
    raise TypeError(e)


def _args_py(args, kwargs):
    return ", ".join([py(a) for a in args] + [k + "=" + py(v) for k, v in kwargs.items()])


def _args_js(args, kwargs):
    parts = [js(a) for a in args]
    if kwargs:
        parts.append("{" + ", ".join(k + ": " + js(v) for k, v in kwargs.items()) + "}")
    return ", ".join(parts)


def wrap(v):
    """Lifts plain Python values (numbers, lists, None) into Lit."""
    if isinstance(v, (Var, Lit, DType, Call, Meth, Attr, Item, Index, List)):
        return v
    return Lit(v)


# ---- statements -----------------------------------------------------------------


def assign(targets, expr, no_grad=False):
    """`a = expr` or `a, b = expr`; under no_grad the expression runs in that mode."""
    lhs_py = ", ".join(targets)
    lhs_js = targets[0] if len(targets) == 1 else "[" + ", ".join(targets) + "]"
    if no_grad:
        return ("with torch.no_grad():\n    " + lhs_py + " = " + py(expr),
                lhs_js + " = torch.no_grad(() => " + js(expr) + ");")
    return lhs_py + " = " + py(expr), lhs_js + " = " + js(expr) + ";"


def run(expr):
    """An expression evaluated for its effect (in-place op, backward, an error)."""
    return py(expr), js(expr) + ";"


def set_attr(obj, name, value):
    return py(obj) + "." + name + " = " + py(value), js(obj) + "." + name + " = " + js(value) + ";"
