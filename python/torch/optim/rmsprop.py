"""torch.optim.RMSprop: alpha, eps, weight decay, momentum, centered (as wasm/src/optim.js)."""
from .optimizer import Optimizer, add, add_, addcdiv_, addcmul_


class RMSprop(Optimizer):
    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False,
                 foreach=None, maximize=False, differentiable=False):
        if not 0.0 <= lr:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        if not 0.0 <= momentum:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not 0.0 <= alpha:
            raise ValueError(f"Invalid alpha value: {alpha}")
        super().__init__(params, dict(lr=lr, momentum=momentum, alpha=alpha, eps=eps, centered=centered,
                                      weight_decay=weight_decay, foreach=foreach, maximize=maximize,
                                      differentiable=differentiable))

    def _update(self, p, grad, g, state):
        from .. import zeros_like
        if len(state) == 0:
            state["step"] = 0
            state["square_avg"] = zeros_like(p)
            if g["momentum"] > 0:
                state["momentum_buffer"] = zeros_like(p)
            if g["centered"]:
                state["grad_avg"] = zeros_like(p)
        state["step"] += 1
        if g["weight_decay"] != 0:
            grad = add(grad, p, g["weight_decay"])
        alpha = g["alpha"]
        addcmul_(state["square_avg"].mul_(alpha), grad, grad, 1 - alpha)
        if g["centered"]:
            add_(state["grad_avg"].mul_(alpha), grad, 1 - alpha)
            avg = addcmul_(state["square_avg"].clone(), state["grad_avg"], state["grad_avg"], -1).sqrt()
        else:
            avg = state["square_avg"].sqrt()
        avg.add_(g["eps"])
        if g["momentum"] > 0:
            addcdiv_(state["momentum_buffer"].mul_(g["momentum"]), grad, avg, 1)
            add_(p, state["momentum_buffer"], -g["lr"])
        else:
            addcdiv_(p, grad, avg, -g["lr"])
