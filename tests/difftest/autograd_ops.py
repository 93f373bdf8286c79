"""Autograd steps of a difftest program: backward (gradient, retain_graph,
create_graph, twice), torch.autograd.grad, .grad reads, writes and in-place
updates, detach / detach_ / requires_grad_ / retain_grad / .data, and a saved
tensor modified in place before backward."""
import torch

import ir
import values as V
from ir import Attr, Call, Item, List, Lit, Meth, Var

NEEDS_GRAD = lambda t: t.requires_grad  # noqa: E731
IS_FLOAT = lambda t: t.dtype in (torch.float32, torch.float64)  # noqa: E731


def _flags(rng):
    kwargs = {}
    if rng.random() < 0.4:
        kwargs["retain_graph"] = Lit(rng.random() < 0.8)
    if rng.random() < 0.2:
        kwargs["create_graph"] = Lit(True)
    return kwargs


def _ensure_graph(prog):
    """A tensor that requires grad, made from a fresh leaf when the pool has none."""
    t = prog.pick(NEEDS_GRAD)
    if t is not None:
        return t
    rng = prog.rng
    leaf = prog.assign(V.tensor_expr(rng, V.shape(rng), rng.choice(["float32", "float64"]), True))[0]
    if leaf not in prog.ns:
        return None
    name = rng.choice(["exp", "sin", "square", "sigmoid", "mul"])
    return prog.assign(Meth(Var(leaf), name, [Lit(1.5)] if name == "mul" else []))[0]


def backward(prog):
    rng = prog.rng
    t = _ensure_graph(prog)
    if t is None:
        return
    y = prog.ns[t]
    if y.dim() == 0 or rng.random() < 0.15:
        args = []
    elif rng.random() < 0.5:
        args = [Call("torch.ones_like", [Var(t)])]
    else:
        args = [V.tensor_expr(rng, list(y.shape), {torch.float64: "float64"}.get(y.dtype, "float32"))]
    if y.dim() != 0 and not args and rng.random() < 0.7:
        t = prog.assign(Meth(Var(t), rng.choice(["sum", "mean"])))[0]
        if t not in prog.ns:
            return
    kwargs = _flags(rng)
    prog.step(ir.run(Meth(Var(t), "backward", args, kwargs)), grads=True)
    if rng.random() < 0.25:
        prog.step(ir.run(Meth(Var(t), "backward", args, _flags(rng))), grads=True)


def autograd_grad(prog):
    rng = prog.rng
    t = _ensure_graph(prog)
    if t is None:
        return
    leaves = prog.tensors(lambda u: u.is_leaf and u.requires_grad)
    if not leaves:
        return
    inputs = rng.sample(leaves, min(len(leaves), rng.randint(1, 2)))
    y = prog.ns[t]
    kwargs = _flags(rng)
    if y.dim() != 0 and rng.random() < 0.85:
        kwargs["grad_outputs"] = List([Call("torch.ones_like", [Var(t)])])
    if rng.random() < 0.4:
        kwargs["allow_unused"] = Lit(True)
    out = prog.assign(Call("torch.autograd.grad", [List([Var(t)]), List([Var(i) for i in inputs])], kwargs))[0]
    value = prog.ns.get(out)
    if value and value[0] is not None and value[0].requires_grad and rng.random() < 0.6:
        g = prog.assign(Item(Var(out), 0))[0]
        s = prog.assign(Meth(Var(g), "sum"))[0]
        if s in prog.ns:
            prog.step(ir.run(Meth(Var(s), "backward")), grads=True)


def grad_access(prog):
    rng = prog.rng
    leaves = prog.tensors(lambda u: u.is_leaf and u.requires_grad)
    if not leaves:
        return backward(prog)
    t = rng.choice(leaves)
    r = rng.random()
    if r < 0.4:
        prog.assign(Attr(Var(t), "grad"))
    elif r < 0.55:
        prog.step(ir.set_attr(Var(t), "grad", Lit(None)), grads=True)
    else:
        name = rng.choice(["mul_", "add_", "zero_", "div_", "sub_"])
        args = [] if name == "zero_" else [Lit(rng.choice([2, 0.5, -1.5]))]
        prog.step(ir.run(Meth(Attr(Var(t), "grad"), name, args)), grads=True)


def detaching(prog):
    rng = prog.rng
    t = prog.pick()
    if t is None:
        return
    name = rng.choice(["detach", "detach_", "requires_grad_", "requires_grad=", "retain_grad", "data"])
    if name == "detach":
        prog.assign(Meth(Var(t), "detach"), base=t)
    elif name == "data":
        prog.assign(Attr(Var(t), "data"), base=t)
    elif name == "requires_grad=":
        prog.step(ir.set_attr(Var(t), "requires_grad", Lit(rng.random() < 0.7)), rec=[t])
    elif name == "requires_grad_":
        args = [Lit(rng.random() < 0.7)] if rng.random() < 0.5 else []
        prog.step(ir.run(Meth(Var(t), name, args)), rec=[t])
    else:
        if name == "retain_grad":
            prog.retained.append(t)
        prog.step(ir.run(Meth(Var(t), name)), rec=[t])


def saved_modified(prog):
    """y = f(x) saves x or y; x or y then changes in place; backward must notice."""
    rng = prog.rng
    leaf = prog.assign(V.tensor_expr(rng, V.shape(rng), "float32", True))[0]
    if leaf not in prog.ns:
        return
    x = prog.assign(Meth(Var(leaf), "mul", [Lit(1.5)]))[0]
    y = prog.assign(Meth(Var(x), rng.choice(["exp", "sigmoid", "square", "sin", "tanh"])))[0]
    victim = rng.choice([x, y])
    prog.step(ir.run(Meth(Var(victim), rng.choice(["add_", "mul_"]), [Lit(rng.choice([1, 0.5]))])), rec=[victim])
    prog.step(ir.run(Meth(Meth(Var(y), "sum"), "backward")), grads=True)


KINDS = {"backward": (4, backward), "grad": (1.5, autograd_grad), "grad_access": (2, grad_access),
         "detach": (1.5, detaching), "saved": (0.8, saved_modified)}


def step(prog):
    kind = prog.rng.choices(list(KINDS), weights=[w for w, _ in KINDS.values()])[0]
    KINDS[kind][1](prog)
