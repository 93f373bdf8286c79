"""Step kinds of a difftest program: creation, math, reductions, cumprod and
flip, linear algebra and F.linear, losses, casts and in-place ops, each a function that
appends one or a few steps to a Program (kinds.py weights them)."""
import torch

import ir
import values as V
from ir import Call, DType, Lit, Meth, Var

IS_FLOAT = lambda t: t.dtype in (torch.float32, torch.float64)  # noqa: E731

UNARY = ["neg", "abs", "square", "sqrt", "rsqrt", "reciprocal", "exp", "log", "log1p", "expm1", "sin", "cos", "tan",
         "tanh", "sigmoid", "relu", "sign"]
BINARY = ["add", "sub", "mul", "div", "pow", "maximum", "minimum"]
COMPARE = ["eq", "ne", "lt", "le", "gt", "ge"]


def _call(rng, name, t, args=(), kwargs=None):
    """t.name(...) or torch.name(t, ...)."""
    if rng.random() < 0.6:
        return Meth(Var(t), name, args, kwargs)
    return Call("torch." + name, [Var(t)] + list(args), kwargs)


def create(prog):
    rng = prog.rng
    kind = rng.choices(["tensor", "zeros", "full", "arange", "linspace", "eye", "rand", "like"],
                       weights=[10, 2, 1.5, 1.5, 1, 0.7, 2, 1])[0]
    s = V.shape(rng)
    dt = V.dtype(rng)
    rg = dt.startswith("float") and rng.random() < 0.55 or dt == "int64" and rng.random() < 0.03
    opts = {"dtype": DType(dt)}
    if rg:
        opts["requires_grad"] = Lit(True)
    if kind == "tensor":
        expr = Call("torch.tensor", [Lit(V.data(rng, s, dt))], opts)
    elif kind == "zeros":
        size = [Lit(d) for d in s] if s and rng.random() < 0.5 else [Lit(s)]
        expr = Call("torch." + rng.choice(["zeros", "ones"]), size, opts)
    elif kind == "full":
        value = V.scalar(rng, integral=dt == "int64")
        if dt == "bool":
            value = rng.random() < 0.5
        expr = Call("torch.full", [Lit(s), Lit(value)], opts if rng.random() < 0.8 or isinstance(value, int) else {})
    elif kind == "arange":
        if rng.random() < 0.5:
            args = [Lit(rng.randint(0, 6))]
        elif rng.random() < 0.5:
            args = [Lit(rng.randint(-3, 2)), Lit(rng.randint(2, 7)), Lit(rng.choice([1, 2, 3]))]
        else:
            args = [Lit(rng.choice([-1.5, 0.5, 0.25])), Lit(rng.choice([2.5, 1.75, 3.1])), Lit(rng.choice([0.5, 0.75]))]
        expr = Call("torch.arange", args, {"dtype": DType(rng.choice(["float32", "float64"]))} if rng.random() < 0.3 else {})
    elif kind == "linspace":
        expr = Call("torch.linspace", [Lit(rng.choice([0, 2, -1.5])), Lit(rng.choice([5, 1, 2.5])), Lit(rng.randint(1, 6))])
    elif kind == "eye":
        expr = Call("torch.eye", [Lit(rng.randint(1, 4))])
    elif kind == "rand":
        fl = {"requires_grad": Lit(True)} if rng.random() < 0.5 else {}
        expr = Call("torch." + rng.choice(["rand", "randn"]), [Lit(d) for d in s] or [Lit([])], fl)
    else:
        src = prog.pick()
        if src is None:
            expr = Call("torch.tensor", [Lit(V.data(rng, s, dt))], opts)
        elif rng.random() < 0.3:
            expr = Call("torch.full_like", [Var(src), Lit(V.scalar(rng, integral=False))])
        else:
            expr = Call("torch." + rng.choice(["zeros_like", "ones_like"]), [Var(src)])
    return prog.assign(expr)[0]


def _operand(prog, pred=IS_FLOAT):
    """A pooled tensor satisfying pred, else a freshly created one (creation can fail on purpose: retry)."""
    name = prog.pick(pred)
    while name is None or name not in prog.ns:
        name = create(prog)
    return name


def unary(prog):
    rng = prog.rng
    t = _operand(prog, IS_FLOAT if rng.random() < 0.9 else (lambda t: True))
    r = rng.random()
    if r < 0.75:
        expr = _call(rng, rng.choice(UNARY), t)
    else:
        name = rng.choice(["relu", "sigmoid", "tanh", "gelu", "elu", "leaky_relu", "softplus"])
        args = []
        if name == "leaky_relu" and rng.random() < 0.6:
            args = [Lit(rng.choice([0.2, 0.05]))]
        elif name == "elu" and rng.random() < 0.5:
            args = [Lit(rng.choice([0.5, 1.5]))]
        elif name == "softplus" and rng.random() < 0.5:
            args = [Lit(rng.choice([2, 0.5]))]
        expr = Call("F." + name, [Var(t)] + args)
    prog.assign(expr, no_grad=rng.random() < 0.08)


def _partner(prog, t, scalar_ok=True):
    """Another operand for a binary op with t: a scalar, a pooled tensor or a fresh one."""
    rng = prog.rng
    shape = list(prog.ns[t].shape)
    r = rng.random()
    if r < 0.3 and scalar_ok:
        return Lit(V.scalar(rng))
    if r < 0.55:
        fits = prog.tensors(lambda u: _broadcasts(list(u.shape), shape))
        if fits:
            return Var(rng.choice(fits))
    valid = rng.random() > 0.06
    dt = prog.ns[t].dtype if rng.random() < 0.75 else getattr(torch, V.dtype(rng))
    dt_name = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.bool: "bool"}[dt]
    return Var(prog.assign(V.tensor_expr(rng, V.broadcast_partner(rng, shape, valid), dt_name,
                                         dt_name.startswith("float") and rng.random() < 0.4))[0])


def _broadcasts(a, b):
    for x, y in zip(reversed(a), reversed(b)):
        if x != y and x != 1 and y != 1:
            return False
    return True


def binary(prog):
    rng = prog.rng
    t = _operand(prog, IS_FLOAT if rng.random() < 0.85 else (lambda t: True))
    name = rng.choice(BINARY + COMPARE if rng.random() < 0.3 else BINARY)
    # API.md lets maximum/minimum take a number where PyTorch wants a tensor: not compared.
    other = _partner(prog, t, scalar_ok=name not in ("maximum", "minimum"))
    kwargs = {}
    if name in ("add", "sub") and rng.random() < 0.3:
        kwargs["alpha"] = Lit(rng.choice([2, -1, 0.5]))
    prog.assign(_call(rng, name, t, [other], kwargs), no_grad=rng.random() < 0.05)


def where(prog):
    rng = prog.rng
    t = _operand(prog)
    cond = Meth(Var(t), rng.choice(["gt", "lt", "ge"]), [Lit(rng.choice([0, 0.5]))])
    a = Var(t) if rng.random() < 0.6 else Lit(V.scalar(rng, integral=False))
    b = _partner(prog, t) if rng.random() < 0.6 else Lit(V.scalar(rng, integral=False))
    prog.assign(Call("torch.where", [cond, a, b]))


def clamp(prog):
    rng = prog.rng
    t = _operand(prog)
    lo, hi = rng.choice([(-0.5, 0.5), (0, None), (None, 1.5), (1, -1), (-1.25, 2)])
    if rng.random() < 0.5:
        kwargs = {k: Lit(v) for k, v in (("min", lo), ("max", hi)) if v is not None}
        prog.assign(_call(rng, "clamp", t, [], kwargs))
    else:
        prog.assign(_call(rng, "clamp", t, [Lit(lo), Lit(hi)]))


def reduce(prog):
    rng = prog.rng
    t = _operand(prog, IS_FLOAT if rng.random() < 0.85 else (lambda t: True))
    nd = prog.ns[t].dim()
    name = rng.choice(["sum", "mean", "prod", "var", "std", "norm", "logsumexp", "amax", "amin", "argmax", "argmin",
                       "max", "min"])
    keep = rng.random() < 0.4
    d = V.dim(rng, nd)
    if name in ("sum", "mean", "logsumexp", "amax", "amin", "var", "std") and nd >= 2 and rng.random() < 0.3:
        d = [0, -1] if rng.random() < 0.9 else [0, 0]
    args, kwargs = [], {}
    whole = name in ("sum", "mean", "prod", "var", "std", "norm", "argmax", "argmin", "max", "min") and rng.random() < 0.35
    if name == "norm":
        if rng.random() < 0.5:
            args = [Lit(rng.choice([1, 2, 3]))]
        if not whole:
            args = (args or [Lit(2)]) + [Lit(d)]
            if keep:
                args.append(Lit(True))
    elif not whole:
        if rng.random() < 0.5:
            # var/std(dim, x): PyTorch reads x as unbiased, not keepdim.
            args = [Lit(d)] + ([Lit(keep)] if keep else [])
        else:
            kwargs = {"dim": Lit(d)}
            if keep:
                kwargs["keepdim"] = Lit(True)
            if name in ("var", "std") and rng.random() < 0.4:
                kwargs["unbiased"] = Lit(rng.random() < 0.5)
    n_out = 2 if name in ("max", "min") and not whole else 1
    prog.assign(_call(rng, name, t, args, kwargs), n_out=n_out)


def scan(prog):
    """cumprod (its gradient at zeros is PyTorch's O(n) or grad-mode path) and flip."""
    rng = prog.rng
    t = _operand(prog, IS_FLOAT if rng.random() < 0.85 else (lambda t: True))
    nd = prog.ns[t].dim()
    if rng.random() < 0.5:
        d = V.dim(rng, nd)
        args, kwargs = ([Lit(d)], {}) if rng.random() < 0.6 else ([], {"dim": Lit(d)})
        if rng.random() < 0.15:
            kwargs["dtype"] = DType(rng.choice(["float32", "float64"]))
        prog.assign(_call(rng, "cumprod", t, args, kwargs))
        return
    dims = [d for d in range(max(nd, 1)) if rng.random() < 0.5] or [0]
    dims = [d - nd if nd and rng.random() < 0.3 else d for d in dims]
    if rng.random() < 0.05:
        dims.append(dims[0])  # repeated: PyTorch's error
    if rng.random() < 0.03:
        dims = [V.dim(rng, nd, 0.0)]  # out of range
    r = rng.random()
    if r < 0.4:
        expr = Meth(Var(t), "flip", [Lit(d) for d in dims])
    elif r < 0.7:
        expr = Meth(Var(t), "flip", [Lit(dims)])
    else:
        expr = Call("torch.flip", [Var(t), Lit(dims)])
    prog.assign(expr)


def linalg(prog):
    rng = prog.rng
    name = rng.choice(["matmul", "mm", "bmm", "mv", "dot", "outer"])
    n, k, m, b = (rng.randint(1, 4) for _ in range(4))
    shapes = {"matmul": rng.choice([([k], [k]), ([n, k], [k]), ([k], [k, m]), ([n, k], [k, m]), ([b, n, k], [k, m]),
                                    ([b, n, k], [1, k, m])]),
              "mm": ([n, k], [k, m]), "bmm": ([b, n, k], [b, k, m]), "mv": ([n, k], [k]), "dot": ([k], [k]),
              "outer": ([n], [m])}[name]
    sa, sb = shapes
    if rng.random() < 0.07:
        sb = [d + 1 for d in sb]
    dt = "float64" if rng.random() < 0.25 else "float32"
    reuse = prog.pick(lambda t: IS_FLOAT(t) and list(t.shape) == sa)
    a = reuse or prog.assign(V.tensor_expr(rng, sa, dt, rng.random() < 0.6))[0]
    bname = prog.assign(V.tensor_expr(rng, sb, dt, rng.random() < 0.5))[0]
    prog.assign(_call(rng, name, a, [Var(bname)]))


def cast(prog):
    rng = prog.rng
    t = _operand(prog, lambda t: True)
    r = rng.random()
    if r < 0.5:
        expr = Meth(Var(t), "to", [DType(V.dtype(rng, (3, 3, 2, 2)))])
    elif r < 0.9:
        expr = Meth(Var(t), rng.choice(["float", "double", "long", "bool"]))
    else:
        expr = Meth(Var(t), "type_as", [Var(prog.pick() or t)])
    prog.assign(expr)


def losses(prog):
    rng = prog.rng
    n, c = rng.randint(1, 4), rng.randint(2, 4)
    name = rng.choice(["softmax", "log_softmax", "mse_loss", "l1_loss", "cross_entropy", "nll_loss",
                       "binary_cross_entropy", "binary_cross_entropy_with_logits"])
    dt = "float64" if rng.random() < 0.2 else "float32"
    x = prog.assign(V.tensor_expr(rng, [n, c], dt, rng.random() < 0.7))[0]
    kwargs = {"reduction": Lit(rng.choice(["mean", "sum", "none"]))} if rng.random() < 0.5 else {}
    if name in ("softmax", "log_softmax"):
        d = Lit(V.dim(rng, 2))
        prog.assign(Call("F." + name, [Var(x), d]) if rng.random() < 0.6 else Call("F." + name, [Var(x)], {"dim": d}))
        return
    if name in ("cross_entropy", "nll_loss"):
        target = Call("torch.tensor", [Lit([rng.randint(0, c - 1 + (rng.random() < 0.03)) for _ in range(n)])],
                      {"dtype": DType("int64")})
        inp = Var(x) if name == "cross_entropy" else Call("F.log_softmax", [Var(x), Lit(1)])
    else:
        tshape = [n, c] if rng.random() > 0.05 else [n, c + 1]
        target = V.tensor_expr(rng, tshape, dt)
        if name == "binary_cross_entropy":
            target = Meth(target, "sigmoid")
            inp = Meth(Var(x), "sigmoid")
        else:
            inp = Var(x)
    prog.assign(Call("F." + name, [inp, target], kwargs))


def linear(prog):
    """F.linear with and without bias (AddmmBackward0 for 2-D input), and allclose."""
    rng = prog.rng
    n, i, o = rng.randint(1, 3), rng.randint(1, 4), rng.randint(1, 3)
    x = prog.assign(V.tensor_expr(rng, rng.choice([[n, i], [i], [2, n, i]]), "float32", rng.random() < 0.5))[0]
    w = prog.assign(V.tensor_expr(rng, [o, i + (rng.random() < 0.05)], "float32", rng.random() < 0.7))[0]
    args = [Var(x), Var(w)]
    if rng.random() < 0.6:
        args.append(Var(prog.assign(V.tensor_expr(rng, [o], "float32", rng.random() < 0.6))[0]))
    y = prog.assign(Call("F.linear", args))[0]
    if y in prog.ns and rng.random() < 0.3:
        prog.assign(Call("torch.allclose", [Var(y), Meth(Var(y), "add", [Lit(rng.choice([1e-7, 0.01]))])],
                         {"atol": Lit(1e-5)} if rng.random() < 0.5 else {}))


def in_place(prog):
    rng = prog.rng
    views = [n for n in prog.base_of if n in prog.ns and isinstance(prog.ns[n], torch.Tensor)]
    t = rng.choice(views) if views and rng.random() < 0.5 else _operand(prog, lambda t: True)
    name = rng.choice(["add_", "sub_", "mul_", "div_", "zero_", "fill_", "copy_", "clamp_", "uniform_", "normal_"])
    if name in ("add_", "sub_", "mul_", "div_"):
        args = [_partner(prog, t)]
        kwargs = {"alpha": Lit(2)} if name in ("add_", "sub_") and rng.random() < 0.2 else {}
    elif name == "fill_":
        args, kwargs = [Lit(V.scalar(rng))], {}
    elif name == "copy_":
        args, kwargs = [_partner(prog, t)], {}
        if isinstance(args[0], Lit):
            args = [Call("torch.tensor", [args[0]])]
    elif name == "clamp_":
        args, kwargs = [Lit(-0.5), Lit(0.5)], {}
    elif name == "uniform_":
        args, kwargs = ([Lit(-1), Lit(1)] if rng.random() < 0.5 else []), {}
    elif name == "normal_":
        args, kwargs = ([Lit(0.5), Lit(2)] if rng.random() < 0.5 else []), {}
    else:
        args, kwargs = [], {}
    prog.step(ir.run(Meth(Var(t), name, args, kwargs)), rec=[t])
