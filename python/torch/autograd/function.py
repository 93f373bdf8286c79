"""torch.autograd.Function: an op whose forward and backward are Python.

apply() runs forward without recording, then the engine gives the outputs one
node, named "<Class>Backward" as in PyTorch, with an edge to each tensor input.
The engine knows the function by id only (like a tensor hook): its backward
calls call_function(id, grads), and it drops the id, and with it the ctx and
what it saved, when the graph's closure is freed (after a backward without
retain_graph, or with the last output)."""
from .._engine import M, arr, bridge
from .._tensor import Tensor, _new
from . import _after_engine_call, _hooks, _pending_errors, no_grad


class FunctionCtx:
    """The ctx of forward and backward: save_for_backward / saved_tensors, needs_input_grad,
    and any attribute forward sets for backward."""

    def save_for_backward(self, *tensors):
        for i, t in enumerate(tensors):
            if t is not None and not isinstance(t, Tensor):
                raise TypeError(f"save_for_backward can only save variables, but argument {i} is of type "
                                f"{type(t).__name__}")
        self._to_save = tensors

    @property
    def saved_tensors(self):
        # In backward: the engine's saved variables unpacked (it raised already if they were freed or
        # changed in place). Before the node exists (in forward): what was given.
        unpacked = getattr(self, "_unpacked", None)
        return unpacked if unpacked is not None else getattr(self, "_to_save", ())

    def mark_non_differentiable(self, *tensors):
        self._non_differentiable = tensors

    def mark_dirty(self, *tensors):
        self._dirty = tensors

    def set_materialize_grads(self, value):
        # Gradients are always materialized (zeros for an output that got none), PyTorch's default.
        self._materialize_grads = bool(value)


class _FunctionEntry:
    """What the engine's id stands for while it holds the node's backward."""

    def __init__(self, cls, ctx, n_args, tensor_positions, n_outputs):
        self.cls, self.ctx, self.n_args, self.tensor_positions = cls, ctx, n_args, tensor_positions
        self.n_outputs = n_outputs

    def __call__(self, handles):
        """handles: the output gradients, then the saved tensors unpacked (see apply)."""
        name = self.cls.__name__ + "Backward"
        tensors = [_new(int(h)) if h else None for h in handles]
        grads, saved = tensors[:self.n_outputs], tensors[self.n_outputs:]
        self.ctx._unpacked = tuple(None if k is None else saved[k] for k in self.ctx._slots)
        try:
            result = self.cls.backward(self.ctx, *grads)
        finally:
            self.ctx._unpacked = None
        result = result if isinstance(result, tuple) else (result,)
        if len(result) < self.n_args or any(g is not None for g in result[self.n_args:]):
            raise RuntimeError(f"function {name} returned an incorrect number of gradients "
                               f"(expected {self.n_args}, got {len(result)})")
        for i, g in enumerate(result[:self.n_args]):
            if g is not None and i not in self.tensor_positions:
                raise RuntimeError(f"function {name} returned a gradient different than None at position "
                                   f"{i + 1}, but the corresponding forward input was not a Variable")
        return [result[i] for i in self.tensor_positions]


def call_function(function_id, grad_handles):
    """The engine calls a Function's backward with new handles to the output gradients and the saved
    tensors; returns new
    handles to the input gradients (0 for None), or -1 with the exception kept for after the engine."""
    try:
        return [M._share(g._h) if g is not None else 0 for g in _hooks[function_id](grad_handles)]
    except BaseException as e:  # handed back to Python after the engine unwound
        _pending_errors.append(e)
        return -1


class Function:
    """Subclass with static forward(ctx, *args) and backward(ctx, *grad_outputs); call Class.apply(*args)."""

    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise NotImplementedError("You must implement the forward function for custom autograd.Function.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError("You must implement either the backward or vjp method for your custom "
                                  "autograd.Function to use it with backward mode AD.")

    @classmethod
    def apply(cls, *args):
        ctx = FunctionCtx()
        ctx.needs_input_grad = tuple(isinstance(a, Tensor) and a.requires_grad for a in args)
        with no_grad():
            outputs = cls.forward(ctx, *args)
        single = isinstance(outputs, Tensor)
        results = (outputs,) if single else tuple(outputs)
        positions = [i for i, a in enumerate(args) if isinstance(a, Tensor)]
        outs = [r for r in results if isinstance(r, Tensor)]
        # Saved tensors go to the engine as the node's saved variables, an output as an output (so
        # saving it makes no reference cycle); ctx._slots maps each save_for_backward argument to its
        # place in what backward gets back (saved, then saved outputs), or None.
        to_save = getattr(ctx, "_to_save", ())
        saved = [t for t in to_save if t is not None and not any(t is o for o in outs)]
        saved_outputs = [t for t in to_save if t is not None and any(t is o for o in outs)]
        ctx._slots = [None if t is None else next(i for i, u in enumerate(saved + saved_outputs) if u is t)
                      for t in to_save]
        function_id = int(bridge.hookId())
        _hooks[function_id] = _FunctionEntry(cls, ctx, len(args), positions, len(outs))
        # The engine records the node only if grad mode is on and an input requires grad; otherwise it
        # drops the id at once.
        M._custom_function(function_id, cls.__name__ + "Backward", arr([args[i]._h for i in positions]),
                           arr([o._h for o in outs]), arr([t._h for t in saved]), arr([t._h for t in saved_outputs]))
        # The engine holds them now (and frees them when PyTorch would); ctx keeps no reference.
        ctx._to_save = ()
        _after_engine_call()
        return outputs


def once_differentiable(fn):
    """PyTorch runs such a backward without recording a graph; here it is the function itself (a
    double backward through it builds on what its ops record)."""
    return fn
