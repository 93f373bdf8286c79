"""torch.optim.Adam (amsgrad) and AdamW: PyTorch 1.13's single-tensor rules
(as wasm/src/optim.js). The step count is a float tensor, as in PyTorch."""
import math

from .optimizer import Optimizer, add, add_, addcdiv_, addcmul_


def _check(lr, betas, eps, weight_decay):
    if not 0.0 <= lr:
        raise ValueError(f"Invalid learning rate: {lr}")
    if not 0.0 <= eps:
        raise ValueError(f"Invalid epsilon value: {eps}")
    if not 0.0 <= betas[0] < 1.0:
        raise ValueError(f"Invalid beta parameter at index 0: {betas[0]}")
    if not 0.0 <= betas[1] < 1.0:
        raise ValueError(f"Invalid beta parameter at index 1: {betas[1]}")
    if not 0.0 <= weight_decay:
        raise ValueError(f"Invalid weight_decay value: {weight_decay}")


def _moments(p, grad, g, state):
    """The Adam step shared by Adam and AdamW once weight decay is applied."""
    from .. import tensor, zeros_like
    beta1, beta2 = g["betas"]
    if len(state) == 0:
        state["step"] = tensor(0.)
        state["exp_avg"] = zeros_like(p)
        state["exp_avg_sq"] = zeros_like(p)
        if g["amsgrad"]:
            state["max_exp_avg_sq"] = zeros_like(p)
    step_t = state["step"]
    step_t += 1
    add_(state["exp_avg"].mul_(beta1), grad, 1 - beta1)
    addcmul_(state["exp_avg_sq"].mul_(beta2), grad, grad, 1 - beta2)
    step = step_t.item()
    bias_correction1 = 1 - beta1 ** step
    bias_correction2_sqrt = math.sqrt(1 - beta2 ** step)
    second = state["exp_avg_sq"]
    if g["amsgrad"]:
        state["max_exp_avg_sq"].copy_(state["max_exp_avg_sq"].maximum(second))
        second = state["max_exp_avg_sq"]
    denom = (second.sqrt() / bias_correction2_sqrt).add_(g["eps"])
    addcdiv_(p, state["exp_avg"], denom, -(g["lr"] / bias_correction1))


class Adam(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, *,
                 foreach=None, maximize=False, capturable=False, differentiable=False, fused=False):
        _check(lr, betas, eps, weight_decay)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad,
                                      maximize=maximize, foreach=foreach, capturable=capturable,
                                      differentiable=differentiable, fused=fused))

    def _update(self, p, grad, g, state):
        if g["weight_decay"] != 0:
            grad = add(grad, p, g["weight_decay"])
        _moments(p, grad, g, state)


class AdamW(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False, foreach=None, capturable=False):
        _check(lr, betas, eps, weight_decay)
        super().__init__(params, dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad,
                                      foreach=foreach, maximize=maximize, capturable=capturable))

    def _update(self, p, grad, g, state):
        # Decoupled weight decay: the parameter shrinks before the Adam step.
        p.mul_(1 - g["lr"] * g["weight_decay"])
        _moments(p, grad, g, state)
