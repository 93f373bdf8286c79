"""Random operands for difftest: shapes, broadcast partners, tensor data,
scalars and dims, each mostly valid and sometimes deliberately not."""
import math

from ir import Call, DType, Lit

FLOAT_SPECIAL = [float("nan"), float("inf"), float("-inf"), -0.0, 0.0]


def shape(rng, max_rank=3):
    rank = rng.choices([0, 1, 2, 3], weights=[1, 3, 4, 2])[0]
    return [rng.choices([1, 2, 3, 4, 0], weights=[2, 4, 4, 2, 0.3])[0] for _ in range(min(rank, max_rank))]


def numel(s):
    return math.prod(s)


def broadcast_partner(rng, s, valid=True):
    """A shape that broadcasts with s (or, when not valid, one that cannot)."""
    if not valid:
        if not s:
            return [2, 3]
        bad = list(s)
        i = rng.randrange(len(bad))
        bad[i] = bad[i] + rng.choice([1, 2]) if bad[i] != 1 else 2
        if bad[i] == 1:
            bad[i] = 3
        return bad
    out = list(s[rng.randint(0, len(s)):]) if rng.random() < 0.3 else list(s)
    out = [1 if rng.random() < 0.25 else d for d in out]
    if rng.random() < 0.15 and len(out) < 3:
        out = [rng.randint(1, 3)] + out
    return out


def data(rng, s, dtype, special=0.04):
    def one():
        if dtype == "bool":
            return rng.random() < 0.5
        if dtype == "int64":
            return rng.randint(-4, 4)
        if rng.random() < special:
            return rng.choice(FLOAT_SPECIAL)
        return round(rng.uniform(-3, 3), 2)

    def nest(dims):
        if not dims:
            return one()
        return [nest(dims[1:]) for _ in range(dims[0])]

    return nest(s)


def dtype(rng, weights=(6, 2, 1.5, 1)):
    return rng.choices(["float32", "float64", "int64", "bool"], weights=weights)[0]


def tensor_expr(rng, s, dt="float32", requires_grad=False):
    kwargs = {"dtype": DType(dt)}
    if requires_grad:
        kwargs["requires_grad"] = Lit(True)
    return Call("torch.tensor", [Lit(data(rng, s, dt))], kwargs)


def scalar(rng, integral=None):
    """An int, or a float that is not integral (JS cannot tell 2.0 from 2),
    except -0.0 and NaN which JS spells apart."""
    if integral is None:
        integral = rng.random() < 0.4
    if integral:
        return rng.randint(-3, 3)
    r = rng.random()
    if r < 0.03:
        return -0.0
    if r < 0.05:
        return float("nan")
    return rng.choice([0.5, 1.5, -0.5, -1.25, 2.5, 0.25, -2.75, 0.1, 3.3])


def dim(rng, ndim, valid_rate=0.95):
    """A dim in [-ndim, ndim) (a 0-d tensor takes -1 and 0), rarely out of range."""
    m = max(ndim, 1)
    if rng.random() > valid_rate:
        return rng.choice([m, m + 1, -m - 1])
    return rng.randint(-m, m - 1)


def reshape_target(rng, s):
    """A shape with the same number of elements, sometimes with -1, sometimes wrong."""
    n = numel(s)
    if rng.random() < 0.05:
        return [n + 1]
    divisors = [d for d in range(1, n + 1) if n % d == 0] or [1]
    d = rng.choice(divisors)
    options = [[n], [d, n // d if d else 0], [-1], [d, -1], [1, n], [n, 1], [d, 1, -1]]
    return rng.choice(options)
