"""torch.autograd: backward, grad, grad-mode context managers, grad_fn nodes
and the legacy Variable wrapper."""
import functools
import weakref

from .._engine import M, arr, bridge, check, error_flag
from .._tensor import LEGACY_VARIABLE, Tensor, _new, adopt, as_tensor_operand, leaves


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


class inference_mode(_GradMode):
    """torch.inference_mode(mode=True): no_grad here, as the engine has no inference tensors (PyTorch
    refuses later autograd use of a tensor made inside; here it is an ordinary tensor).
    inference_mode(False) changes nothing."""

    def __init__(self, mode=True):
        self.inference = bool(mode)
        self.mode = False

    def __enter__(self):
        if self.inference:
            super().__enter__()

    def __exit__(self, *exc):
        if self.inference:
            super().__exit__(*exc)
        return False

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            with inference_mode(self.inference):
                return fn(*args, **kwargs)

        return wrapper


def is_grad_enabled():
    return bool(M._is_grad_enabled())


# ---- grad_fn nodes ---------------------------------------------------------
# One Python object per engine node while that object lives, so `y.grad_fn is
# y.grad_fn` holds as in PyTorch. A live Node's handle keeps its engine node
# alive, so the address it is cached under cannot be reused meanwhile.
_nodes = weakref.WeakValueDictionary()
live_nodes = [0]


class Node:
    """A grad_fn: its name, next_functions, and `variable` for AccumulateGrad."""

    __slots__ = ("_n", "_address", "__weakref__")

    def __del__(self):
        if self._n:
            M._node_free(self._n)
            self._n = 0
            live_nodes[0] -= 1

    def name(self):
        name = M._node_name(self._n)
        # PyTorch's name() of the nodes written in C++ outside the generated code.
        return f"torch::autograd::{name}" if name in ("AccumulateGrad", "CopySlices") else name

    def __repr__(self):
        return f"<{M._node_name(self._n)} object at {hex(self._address)}>"

    @property
    def next_functions(self):
        flat = M._node_next(self._n).to_py()
        return tuple((node_for(int(flat[i])), int(flat[i + 1])) for i in range(0, len(flat), 2))

    @property
    def variable(self):
        h = M._node_variable(self._n)
        if not h:
            raise AttributeError(f"'{self.name()}' object has no attribute 'variable'")
        known = leaves.get(int(M._impl_address(h)))
        if known is not None:
            M._free_tensor(h)
            return known
        return _new(h)


# One subclass of Node per node name, so that type(y.grad_fn).__name__ is "SumBackward0" as in PyTorch,
# where each node type is its own class.
_node_classes = {}


def _node_class(name):
    cls = _node_classes.get(name)
    if cls is None:
        cls = _node_classes[name] = type(name, (Node,), {"__slots__": ()})
    return cls


def node_for(n):
    """The Node object for a new engine node handle (0 for none), taking ownership of the handle."""
    if not n:
        return None
    address = int(M._node_address(n))
    node = _nodes.get(address)
    if node is not None and node._n:
        M._node_free(n)
        return node
    node = object.__new__(_node_class(M._node_name(n)))
    node._n, node._address = n, address
    live_nodes[0] += 1
    _nodes[address] = node
    return node


def node_of(t):
    return node_for(M._grad_fn(t._h))


# ---- hooks -----------------------------------------------------------------
# Hook functions by engine id (wasm/python/index.js hands the ids out and routes
# the engine's calls here). The engine holds only the id and drops it when it
# lets go of the hook (remove(), or the tensor holding it is freed), so a hook
# lives exactly as long as PyTorch's would.
#
# A hook runs inside the engine's backward: an exception must not unwind
# through WebAssembly frames, so it waits here and is raised once the engine
# has returned; a returned tensor stays alive here until the engine copied it.
_hooks = {}
_pending_errors = []
_hook_results = []


def call_hook(hook_id, grad_handle):
    """The engine calls hook `hook_id` with a new handle to the gradient; returns a handle, 0 or -1."""
    try:
        r = _hooks[hook_id](_new(int(grad_handle)) if grad_handle else None)
        if r is None:
            return 0
        if not isinstance(r, Tensor):
            raise TypeError(f"expected a Tensor or None from the hook, got {type(r).__name__}")
        _hook_results.append(r)
        return r._h
    except BaseException as e:  # handed back to Python after the engine unwound
        _pending_errors.append(e)
        return -1


def drop_hook(hook_id):
    del _hooks[hook_id]


def live_hooks():
    return len(_hooks)


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
    """What register_hook returns; it refers to the tensor weakly, as PyTorch's RemovableHandle."""

    def __init__(self, tensor, engine_id):
        self._tensor, self._id = weakref.ref(tensor), engine_id

    def remove(self):
        tensor = self._tensor()
        if tensor is not None and tensor._h:
            M._remove_hook(tensor._h, self._id)


def register_hook(tensor, hook):
    if not tensor.requires_grad:
        raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
    hook_id = int(bridge.hookId())
    _hooks[hook_id] = hook
    # On failure the engine has already dropped the id (and with it the entry).
    engine_id = M._register_hook(tensor._h, hook_id)
    check()
    return _HookHandle(tensor, engine_id)


def gradcheck(func, inputs, eps=1e-06, atol=1e-05, rtol=0.001, raise_exception=True):
    """Finite differences against autograd, in float64 (as PyTorch's gradcheck)."""
    import torch
    inputs = (inputs,) if isinstance(inputs, Tensor) else tuple(inputs)
    for i, x in enumerate(inputs):
        if not (isinstance(x, Tensor) and x.requires_grad):
            continue
        n = x.numel()
        # Every analytic row first, from one fresh graph: the perturbations below
        # change x in place, which a graph recorded before them refuses to differentiate.
        flat_out = func(*inputs).reshape(-1)
        analytic = []
        for k in range(flat_out.numel()):
            row = torch.autograd.grad(flat_out[k], x, retain_graph=True, allow_unused=True)[0]
            analytic.append([0.0] * n if row is None else row.reshape(-1).tolist())
        del flat_out
        for j in range(n):
            with torch.no_grad():
                flat = x.view(-1)
                orig = flat[j].item()
                flat[j] = orig + eps
                plus = func(*inputs).reshape(-1).tolist()
                flat[j] = orig - eps
                minus = func(*inputs).reshape(-1).tolist()
                flat[j] = orig
            for k in range(len(analytic)):
                numeric = (plus[k] - minus[k]) / (2 * eps)
                if abs(analytic[k][j] - numeric) > atol + rtol * abs(numeric):
                    if raise_exception:
                        raise RuntimeError(f"Jacobian mismatch for output {k} with respect to input {i},\nnumerical:{numeric}\nanalytical:{analytic[k][j]}\n")
                    return False
    return True


from .function import Function, FunctionCtx, call_function  # noqa: E402,F401  (after what it imports)
