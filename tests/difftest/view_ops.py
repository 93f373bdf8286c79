"""Step kinds of a difftest program that reshape or index: views (view,
reshape, transpose, permute, expand, squeeze, narrow, select, basic indexing,
...), cat/stack/split/chunk, index_select/gather/masked_fill, and advanced
indexing (index tensors, masks and lists; index_put; nonzero)."""
import values as V
from ir import Attr, Call, DType, Index, Item, List, Lit, Meth, Var
from ops import _call, _operand


def view(prog):
    rng = prog.rng
    t = _operand(prog, lambda t: True)
    s = list(prog.ns[t].shape)
    nd = len(s)
    name = rng.choice(["view", "reshape", "flatten", "transpose", "permute", "expand", "squeeze", "unsqueeze",
                       "narrow", "select", "index", "t", "T", "contiguous", "clone", "repeat"])
    if name in ("view", "reshape"):
        target = V.reshape_target(rng, s)
        args = [Lit(target)] if rng.random() < 0.4 else [Lit(d) for d in target]
        expr = Meth(Var(t), name, args)
    elif name == "flatten":
        expr = Meth(Var(t), name, [Lit(V.dim(rng, nd))] if rng.random() < 0.5 else [])
    elif name == "transpose":
        expr = _call(rng, name, t, [Lit(V.dim(rng, nd)), Lit(V.dim(rng, nd))])
    elif name == "permute":
        dims = list(range(nd))
        rng.shuffle(dims)
        if rng.random() < 0.05:
            dims = dims + [0]
        expr = Meth(Var(t), name, [Lit(d) for d in dims] if dims and rng.random() < 0.6 else [Lit(dims)])
    elif name == "expand":
        target = [d if d != 1 else rng.choice([1, 2, 3, -1]) for d in s]
        if rng.random() < 0.3:
            target = [rng.randint(1, 3)] + target
        if rng.random() < 0.05 and s:
            target[-1] = s[-1] + 1
        expr = Meth(Var(t), name, [Lit(d) for d in target] if target else [Lit(target)])
    elif name == "squeeze":
        expr = _call(rng, name, t, [Lit(V.dim(rng, nd))] if rng.random() < 0.6 else [])
    elif name == "unsqueeze":
        expr = _call(rng, name, t, [Lit(V.dim(rng, nd + 1))])
    elif name == "narrow":
        d = V.dim(rng, nd)
        size = s[d] if -nd <= d < nd else 1
        start = rng.randint(0, max(size - 1, 0))
        expr = _call(rng, name, t, [Lit(d), Lit(start), Lit(rng.randint(0, size - start + (rng.random() < 0.05)))])
    elif name == "select":
        d = V.dim(rng, nd)
        size = s[d] if -nd <= d < nd else 1
        expr = _call(rng, name, t, [Lit(d), Lit(rng.randint(-size, size - 1 + (rng.random() < 0.05)) if size else 0)])
    elif name == "index":
        items = []
        for size in s[:rng.randint(1, max(nd, 1))]:
            r = rng.random()
            if r < 0.3 and size:
                items.append(rng.randint(-size, size - 1))
            elif r < 0.5:
                items.append(None)
            else:
                items.append((rng.choice([None, 0, 1, -2]), rng.choice([None, size, -1, 2]), rng.choice([None, None, 2])))
        expr = Index(Var(t), items or [None])
    elif name == "t":
        expr = _call(rng, name, t)
    elif name == "T":
        expr = Attr(Var(t), "T")
    elif name == "repeat":
        expr = Meth(Var(t), name, [Lit(rng.randint(1, 2)) for _ in range(max(nd, 1) + (rng.random() < 0.3))])
    else:
        expr = Meth(Var(t), name)
    prog.assign(expr, base=t if name not in ("contiguous", "clone", "repeat", "reshape") else None)


def join(prog):
    rng = prog.rng
    t = _operand(prog, lambda t: True)
    s = list(prog.ns[t].shape)
    same = prog.tensors(lambda u: list(u.shape) == s and u.dtype == prog.ns[t].dtype)
    parts = [Var(t)] + [Var(rng.choice(same)) for _ in range(rng.randint(1, 2))]
    name = rng.choice(["cat", "stack", "split", "chunk"])
    if name in ("cat", "stack"):
        d = V.dim(rng, len(s) + (name == "stack"))
        prog.assign(Call("torch." + name, [List(parts), Lit(d)] if rng.random() < 0.7 else [List(parts)]))
        return
    d = V.dim(rng, len(s))
    piece = rng.randint(1, 3)
    out = prog.assign(_call(rng, name, t, [Lit(piece), Lit(d)]))[0]
    if out in prog.ns and len(prog.ns[out]) > 0:
        prog.assign(Item(Var(out), rng.randrange(len(prog.ns[out]))), base=t)


def gather(prog):
    rng = prog.rng
    t = _operand(prog)
    s = list(prog.ns[t].shape)
    nd = len(s)
    name = rng.choice(["index_select", "gather", "masked_fill"])
    if name == "masked_fill":
        mask = Meth(Var(t), "gt", [Lit(0)]) if rng.random() < 0.7 else Var(prog.assign(
            V.tensor_expr(rng, V.broadcast_partner(rng, s), "bool"))[0])
        prog.assign(_call(rng, name, t, [mask, Lit(V.scalar(rng))]))
        return
    d = V.dim(rng, nd)
    size = s[d] if nd and -nd <= d < nd else 1
    hi = size - 1 + (rng.random() < 0.05)
    if name == "index_select":
        # More than one index into a 0-d tensor makes PyTorch 1.13 write past its buffer (FINDINGS.md).
        idx = [rng.randint(0, max(hi, 0)) for _ in range(rng.randint(1, 4) if nd else 1)]
        prog.assign(_call(rng, name, t, [Lit(d), Call("torch.tensor", [Lit(idx)], {"dtype": DType("int64")})]))
    else:
        ishape = [rng.randint(1, max(x, 1)) for x in s]
        if nd and -nd <= d < nd:
            ishape[d] = rng.randint(1, 3)
        idx = V.data(rng, ishape, "int64")
        idx = _map(idx, lambda v: abs(v) % max(size, 1) if rng.random() > 0.03 else size)
        prog.assign(_call(rng, name, t, [Lit(d), Call("torch.tensor", [Lit(idx)], {"dtype": DType("int64")})]))


def _map(x, f):
    return [_map(v, f) for v in x] if isinstance(x, list) else f(x)


def advanced_index(prog):
    """x[rows, cols], x[mask], x[:, [0, 2]] (JS x.at(...)), index_put and nonzero, with out-of-range
    indices and mismatched shapes at times."""
    rng = prog.rng
    t = _operand(prog, lambda t: True)
    s = list(prog.ns[t].shape)
    nd = len(s)

    def index_for(size):
        n = rng.randint(1, 3)
        values = [rng.randint(-size, size - 1) if size else 0 for _ in range(n)]
        if rng.random() < 0.04:
            values[0] = size  # out of range
        if rng.random() < 0.5:
            return Lit(values)
        return Call("torch.tensor", [Lit(values)], {"dtype": DType("int64")})

    r = rng.random()
    if r < 0.15 and nd:
        prog.assign(_call(rng, "nonzero", t))
        return
    if r < 0.3:
        threshold = Lit(rng.choice([0, 0.5, -1]))
        mask = Meth(Var(t), rng.choice(["gt", "lt", "ge"]), [threshold])
        prog.assign(Index(Var(t), [mask]))
        return
    if nd == 0:
        prog.assign(Index(Var(t), [Lit([0])]))
        return
    items = []
    for size in s[:rng.randint(1, nd)]:
        r = rng.random()
        if r < 0.45:
            items.append(index_for(size))
        elif r < 0.65:
            items.append(None)
        elif r < 0.8 and size:
            items.append(rng.randint(-size, size - 1))
        else:
            items.append((rng.choice([None, 0, 1]), rng.choice([None, size, -1]), None))
    if not any(not isinstance(i, (int, tuple)) and i is not None for i in items):
        items[0] = index_for(s[0])
    if rng.random() < 0.25:
        # x.index_put((i, j), values): the same indices as a tuple of tensors, values a scalar tensor.
        tensors = [i if isinstance(i, Call) else Call("torch.tensor", [i], {"dtype": DType("int64")})
                   for i in items if not isinstance(i, (int, tuple)) and i is not None]
        values = Call("torch.tensor", [Lit(rng.choice([1.5, -2.0, 0.0]))], {"dtype": DType(str(prog.ns[t].dtype).replace("torch.", ""))})
        prog.assign(Meth(Var(t), "index_put", [List(tensors), values], {"accumulate": Lit(rng.random() < 0.5)} if rng.random() < 0.5 else {}))
        return
    prog.assign(Index(Var(t), items))
