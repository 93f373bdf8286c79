"""torch.optim.SGD: momentum, dampening, Nesterov, weight decay (as wasm/src/optim.js)."""
from .optimizer import Optimizer, add, add_, required


class SGD(Optimizer):
    def __init__(self, params, lr=required, momentum=0, dampening=0, weight_decay=0, nesterov=False, *,
                 maximize=False, foreach=None, differentiable=False):
        if lr is not required and lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay,
                                      nesterov=nesterov, maximize=maximize, foreach=foreach,
                                      differentiable=differentiable))

    def _update(self, p, grad, g, state):
        d = grad
        if g["weight_decay"] != 0:
            d = add(d, p, g["weight_decay"])
        # PyTorch keeps a momentum_buffer entry (None without momentum).
        state.setdefault("momentum_buffer", None)
        if g["momentum"] != 0:
            buf = state.get("momentum_buffer")
            if buf is None:
                buf = state["momentum_buffer"] = d.clone().detach()
            else:
                add_(buf.mul_(g["momentum"]), d, 1 - g["dampening"])
            d = add(d, buf, g["momentum"]) if g["nesterov"] else buf
        add_(p, d, -g["lr"])
