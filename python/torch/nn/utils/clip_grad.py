"""Gradient clipping, in place on each parameter's .grad, computed as PyTorch 1.13
computes it (so the scaled gradients agree to the last bit where the norms do)."""
import math

from ... import no_grad
from ..._tensor import Tensor


def _with_grads(parameters):
    if isinstance(parameters, Tensor):
        parameters = [parameters]
    return [p for p in parameters if p.grad is not None]


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False):
    """Scales the gradients so that their norm, taken together as one vector, is at most max_norm;
    returns that total norm (before scaling)."""
    import torch
    parameters = _with_grads(parameters)
    max_norm, norm_type = float(max_norm), float(norm_type)
    if not parameters:
        return torch.tensor(0.0)
    with no_grad():
        if norm_type == math.inf:
            norms = [p.grad.detach().abs().max() for p in parameters]
            total = norms[0] if len(norms) == 1 else torch.stack(norms).max()
        else:
            total = torch.stack([p.grad.detach().norm(norm_type) for p in parameters]).norm(norm_type)
        if error_if_nonfinite and not math.isfinite(total.item()):
            raise RuntimeError(f"The total norm of order {norm_type} for gradients from `parameters` is non-finite, "
                               "so it cannot be clipped. To disable this error and scale the gradients by the "
                               "non-finite norm anyway, set `error_if_nonfinite=False`")
        # The coefficient is a tensor, never above 1: gradients under the bound are multiplied by 1.
        coefficient = (max_norm / (total + 1e-6)).clamp(max=1.0)
        for p in parameters:
            p.grad.detach().mul_(coefficient)
    return total


def clip_grad_value_(parameters, clip_value):
    """Clamps every gradient element into [-clip_value, clip_value]."""
    clip_value = float(clip_value)
    with no_grad():
        for p in _with_grads(parameters):
            p.grad.clamp_(min=-clip_value, max=clip_value)
