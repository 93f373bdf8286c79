"""torch.optim.Optimizer: parameter groups, zero_grad, step, state_dict and
load_state_dict in PyTorch 1.13's layout, and its repr.

The update rules (sgd.py, adam.py, rmsprop.py, adagrad.py) mirror those of
the JavaScript package (wasm/src/optim.js) line for line: each side drives
the engine through its own tensor wrapper; keep the two in step."""
from collections import defaultdict
from copy import deepcopy

from .._engine import M, check
from .._tensor import Tensor
from ..autograd import no_grad


class _RequiredParameter:
    def __repr__(self):
        return "<required parameter>"


required = _RequiredParameter()


def _typename(value):
    from ..nn.modules import _typename as name
    return name(value)


def _fused(raw, self, t1, t2, value):
    extra = getattr(M, raw)(self._h, t1._h, t2._h, value)
    check()
    M._free_tensor(extra)
    return self


def addcmul_(self, t1, t2, value=1):
    """PyTorch's addcmul_: self + value * t1 * t2 with one FMA, the engine's
    kernel (engine/ops.def) that wasm/src/optim.js uses too."""
    return _fused("_addcmul_", self, t1, t2, value)


def add_(self, other, alpha):
    """PyTorch's add_(other, alpha=alpha), one FMA on its CPU build (the
    engine's add is not): addcmul_ with t1 = 1 computes fma(alpha, other, self)."""
    from .. import ones
    return _fused("_addcmul_", self, ones((), dtype=self.dtype), other, alpha)


def add(self, other, alpha):
    """self.add(other, alpha=alpha) fused as add_ is."""
    return add_(self.clone(), other, alpha)


def addcdiv_(self, t1, t2, value=1):
    """PyTorch's addcdiv_: self + value * t1 / t2, the engine's kernel."""
    return _fused("_addcdiv_", self, t1, t2, value)


class Optimizer:
    def __init__(self, params, defaults):
        self.defaults = defaults
        self._step_count = 0
        if isinstance(params, Tensor):
            raise TypeError("params argument given to the optimizer should be an iterable of Tensors or dicts, "
                            "but got " + _typename(params))
        self.state = defaultdict(dict)
        self.param_groups = []
        param_groups = list(params)
        if len(param_groups) == 0:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(param_groups[0], dict):
            param_groups = [{"params": param_groups}]
        for group in param_groups:
            self.add_param_group(group)

    def add_param_group(self, param_group):
        assert isinstance(param_group, dict), "param group must be a dict"
        params = param_group["params"]
        if isinstance(params, Tensor):
            param_group["params"] = [params]
        elif isinstance(params, set):
            raise TypeError("optimizer parameters need to be organized in ordered collections, but "
                            "the ordering of tensors in sets will change between runs. Please use a list instead.")
        else:
            param_group["params"] = list(params)
        for param in param_group["params"]:
            if not isinstance(param, Tensor):
                raise TypeError("optimizer can only optimize Tensors, but one of the params is " + _typename(param))
            if not param.is_leaf:
                raise ValueError("can't optimize a non-leaf Tensor")
        for name, default in self.defaults.items():
            if default is required and name not in param_group:
                raise ValueError("parameter group didn't specify a value of required optimization parameter " + name)
            param_group.setdefault(name, default)
        seen = {id(p) for group in self.param_groups for p in group["params"]}
        if any(id(p) in seen for p in param_group["params"]):
            raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(param_group)

    def zero_grad(self, set_to_none=False):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is not None:
                    if set_to_none:
                        p.grad = None
                    else:
                        grad = p.grad
                        grad.detach_()
                        grad.zero_()

    def step(self, closure=None):
        self._step_count += 1
        loss = None
        if closure is not None:
            from .. import enable_grad
            with enable_grad():
                loss = closure()
        with no_grad():
            self._prepare()
            for group in self.param_groups:
                for p in group["params"]:
                    if p.grad is not None:
                        grad = p.grad if not group.get("maximize", False) else -p.grad
                        self._update(p, grad, group, self.state[p])
        return loss

    def _prepare(self):
        """A hook run before the updates of a step (none by default)."""

    def state_dict(self):
        mapping = {}
        start = 0

        def pack(group):
            nonlocal start
            packed = {k: v for k, v in group.items() if k != "params"}
            mapping.update({id(p): i for i, p in enumerate(group["params"], start) if id(p) not in mapping})
            packed["params"] = [mapping[id(p)] for p in group["params"]]
            start += len(packed["params"])
            return packed

        param_groups = [pack(g) for g in self.param_groups]
        state = {(mapping[id(k)] if isinstance(k, Tensor) else k): v for k, v in self.state.items()}
        return {"state": state, "param_groups": param_groups}

    def load_state_dict(self, state_dict):
        state_dict = _copy(state_dict)
        groups = self.param_groups
        saved_groups = state_dict["param_groups"]
        if len(groups) != len(saved_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        if any(len(g["params"]) != len(s["params"]) for g, s in zip(groups, saved_groups)):
            raise ValueError("loaded state dict contains a parameter group that doesn't match the size of optimizer's group")
        id_map = {old: p for g, s in zip(groups, saved_groups) for old, p in zip(s["params"], g["params"])}
        state = defaultdict(dict)
        for k, v in state_dict["state"].items():
            if k in id_map:
                param = id_map[k]
                state[param] = {key: (value.to(param.dtype) if isinstance(value, Tensor) and key != "step"
                                      and param.is_floating_point() else value) for key, value in v.items()}
            else:
                state[k] = v
        for g, s in zip(groups, saved_groups):
            s["params"] = g["params"]
        self.state = state
        self.param_groups = saved_groups

    def __repr__(self):
        text = self.__class__.__name__ + " ("
        for i, group in enumerate(self.param_groups):
            text += "\n"
            text += f"Parameter Group {i}\n"
            for key in sorted(group.keys()):
                if key != "params":
                    text += f"    {key}: {group[key]}\n"
        return text + ")"

    def __getstate__(self):
        return {"defaults": self.defaults, "state": self.state, "param_groups": self.param_groups}


def _copy(value):
    """deepcopy for a state_dict: tensors are cloned (detached), containers rebuilt."""
    if isinstance(value, Tensor):
        return value.detach().clone()
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_copy(v) for v in value)
    return deepcopy(value)
