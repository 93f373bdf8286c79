"""torch.autograd: backward, grad, grad-mode context managers, grad_fn nodes
and the legacy Variable wrapper."""
import functools

from pyodide.ffi import create_proxy

from .._engine import M, arr, check, error_flag
from .._tensor import LEGACY_VARIABLE, Tensor, _new, adopt, as_tensor_operand


def Variable(data, requires_grad=False, volatile=False):
    """PyTorch 0.3's wrapper: shares the tensor's storage and prints as `Variable containing:`."""
    if not isinstance(data, Tensor):
        raise TypeError(f"Variable data has to be a tensor, but got {type(data).__name__}")
    t = adopt(M._detach(data._h))
    M._set_legacy(t._h, LEGACY_VARIABLE)
    if requires_grad:
        t.requires_grad = True
    if volatile:
        t.volatile = True
    return t


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None):
    roots = [tensors] if isinstance(tensors, Tensor) else list(tensors)
    grads = grad_tensors if isinstance(grad_tensors, (list, tuple)) else [grad_tensors] * len(roots)
    keep = [g if isinstance(g, Tensor) or g is None else as_tensor_operand(g).to(r.dtype) for r, g in zip(roots, grads)]
    if retain_graph is None:
        retain_graph = create_graph
    M._backward(arr([r._h for r in roots]), arr([0 if g is None else g._h for g in keep]),
                bool(retain_graph), bool(create_graph))
    _after_engine_call()


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True,
         allow_unused=False):
    outs = [outputs] if isinstance(outputs, Tensor) else list(outputs)
    ins = [inputs] if isinstance(inputs, Tensor) else list(inputs)
    if grad_outputs is None:
        gos = [None] * len(outs)
    else:
        gos = [grad_outputs] if isinstance(grad_outputs, Tensor) else list(grad_outputs)
    keep = [g if isinstance(g, Tensor) or g is None else as_tensor_operand(g) for g in gos]
    if retain_graph is None:
        retain_graph = create_graph
    handles = M._autograd_grad(arr([o._h for o in outs]), arr([i._h for i in ins]),
                               arr([0 if g is None else g._h for g in keep]),
                               bool(retain_graph), bool(create_graph), bool(allow_unused))
    _after_engine_call()
    return tuple(_new(int(h)) if h else None for h in handles.to_py())


# ---- grad mode -------------------------------------------------------------
class _GradMode:
    """Base of no_grad / enable_grad / set_grad_enabled: a context manager and a decorator."""

    mode = True

    def __enter__(self):
        self.prev = bool(M._is_grad_enabled())
        M._set_grad_enabled(self.mode)

    def __exit__(self, *exc):
        M._set_grad_enabled(self.prev)
        return False

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with self.__class__() if type(self) is not set_grad_enabled else set_grad_enabled(self.mode):
                return fn(*args, **kwargs)

        return wrapper


class no_grad(_GradMode):
    mode = False


class enable_grad(_GradMode):
    mode = True


class set_grad_enabled(_GradMode):
    def __init__(self, mode):
        self.prev = bool(M._is_grad_enabled())
        self.mode = bool(mode)
        M._set_grad_enabled(self.mode)

    def __enter__(self):
        pass


def is_grad_enabled():
    return bool(M._is_grad_enabled())


# ---- grad_fn nodes ---------------------------------------------------------
class Node:
    """A grad_fn: its name, next_functions, and `variable` for AccumulateGrad."""

    __slots__ = ("_n", "__weakref__")

    def __init__(self, n):
        self._n = n

    def __del__(self):
        if self._n:
            M._node_free(self._n)
            self._n = 0

    def name(self):
        name = M._node_name(self._n)
        # PyTorch's name() of the one node written in C++ outside the generated code.
        return "torch::autograd::AccumulateGrad" if name == "AccumulateGrad" else name

    def __repr__(self):
        return f"<{M._node_name(self._n)} object at {hex(int(M._node_address(self._n)))}>"

    def __eq__(self, other):
        return isinstance(other, Node) and M._node_address(self._n) == M._node_address(other._n)

    def __hash__(self):
        return hash(M._node_address(self._n))

    @property
    def next_functions(self):
        flat = M._node_next(self._n).to_py()
        return tuple((Node(int(flat[i])) if flat[i] else None, int(flat[i + 1])) for i in range(0, len(flat), 2))

    @property
    def variable(self):
        h = M._node_variable(self._n)
        if not h:
            raise AttributeError(f"'{self.name()}' object has no attribute 'variable'")
        return _new(h)


def node_of(t):
    n = M._grad_fn(t._h)
    return Node(n) if n else None


# ---- hooks -----------------------------------------------------------------
# A hook runs inside the engine's backward: an exception must not unwind
# through WebAssembly frames, so it waits here and is raised once the engine
# has returned; a returned tensor stays alive here until the engine copied it.
_pending_errors = []
_hook_results = []


def _after_engine_call():
    """Raises a hook's exception (the engine's own error only if no hook failed)."""
    _hook_results.clear()
    if _pending_errors:
        error = _pending_errors.pop()
        _pending_errors.clear()
        if error_flag():
            M._take_error()
        raise error
    check()


class _HookHandle:
    def __init__(self, tensor, hook_id, proxy):
        self._tensor, self._id, self._proxy = tensor, hook_id, proxy

    def remove(self):
        if self._tensor is not None and self._tensor._h:
            M._remove_hook(self._tensor._h, self._id)
            self._proxy.destroy()
        self._tensor = None


def register_hook(tensor, hook):
    if not tensor.requires_grad:
        raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")

    def trampoline(grad_handle):
        try:
            r = hook(_new(int(grad_handle)) if grad_handle else None)
            if r is None:
                return 0
            if not isinstance(r, Tensor):
                raise TypeError(f"expected a Tensor or None from the hook, got {type(r).__name__}")
            _hook_results.append(r)
            return r._h
        except BaseException as e:  # handed back to Python after the engine unwound
            _pending_errors.append(e)
            return -1

    proxy = create_proxy(trampoline)
    hook_id = M._register_hook(tensor._h, proxy)
    check()
    return _HookHandle(tensor, hook_id, proxy)


def gradcheck(func, inputs, eps=1e-06, atol=1e-05, rtol=0.001, raise_exception=True):
    """Finite differences against autograd, in float64 (as PyTorch's gradcheck)."""
    import torch
    inputs = (inputs,) if isinstance(inputs, Tensor) else tuple(inputs)
    out = func(*inputs)
    flat_out = out.reshape(-1)
    for i, x in enumerate(inputs):
        if not (isinstance(x, Tensor) and x.requires_grad):
            continue
        n = x.numel()
        for k in range(flat_out.numel()):
            analytic = torch.autograd.grad(flat_out[k], x, retain_graph=True, allow_unused=True)[0]
            analytic = [0.0] * n if analytic is None else analytic.reshape(-1).tolist()
            for j in range(n):
                with torch.no_grad():
                    flat = x.view(-1)
                    orig = flat[j].item()
                    flat[j] = orig + eps
                    plus = func(*inputs).reshape(-1)[k].item()
                    flat[j] = orig - eps
                    minus = func(*inputs).reshape(-1)[k].item()
                    flat[j] = orig
                numeric = (plus - minus) / (2 * eps)
                if abs(analytic[j] - numeric) > atol + rtol * abs(numeric):
                    if raise_exception:
                        raise RuntimeError(f"Jacobian mismatch for output {k} with respect to input {i},\nnumerical:{numeric}\nanalytical:{analytic[j]}\n")
                    return False
    return True
