"""torch.optim.Adagrad: lr_decay, weight decay, initial accumulator (as wasm/src/optim.js)."""
from .optimizer import Optimizer, add, addcdiv_, addcmul_


class Adagrad(Optimizer):
    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10,
                 foreach=None, *, maximize=False):
        if not 0.0 <= lr:
            raise ValueError(f"Invalid learning rate: {lr}")
        if not 0.0 <= lr_decay:
            raise ValueError(f"Invalid lr_decay value: {lr_decay}")
        if not 0.0 <= weight_decay:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if not 0.0 <= initial_accumulator_value:
            raise ValueError(f"Invalid initial_accumulator_value value: {initial_accumulator_value}")
        if not 0.0 <= eps:
            raise ValueError(f"Invalid epsilon value: {eps}")
        super().__init__(params, dict(lr=lr, lr_decay=lr_decay, eps=eps, weight_decay=weight_decay,
                                      initial_accumulator_value=initial_accumulator_value, foreach=foreach,
                                      maximize=maximize))
        from .. import full_like, tensor
        # Adagrad's state exists from construction, as in PyTorch.
        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                state["step"] = tensor(0.0)
                state["sum"] = full_like(p, initial_accumulator_value)

    def _update(self, p, grad, g, state):
        step_t = state["step"]
        step_t += 1
        step = step_t.item()
        if g["weight_decay"] != 0:
            grad = add(grad, p, g["weight_decay"])
        clr = g["lr"] / (1 + (step - 1) * g["lr_decay"])
        addcmul_(state["sum"], grad, grad, 1)
        std = state["sum"].sqrt().add_(g["eps"])
        addcdiv_(p, grad, std, -clr)
