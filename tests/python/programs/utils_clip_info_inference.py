import math
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 2))
(model(torch.randn(5, 3)) * 10).sum().backward()
total = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
print(total, torch.stack([p.grad.norm() for p in model.parameters()]).norm())
print(nn.utils.clip_grad_norm_(model.parameters(), 5.0, norm_type=math.inf), nn.utils.clip_grad_norm_([], 1.0))
nn.utils.clip_grad_value_(model.parameters(), 0.05)
print(model[0].weight.grad)
w = torch.ones(2, requires_grad=True)
(w * float("inf")).sum().backward()
try:
    nn.utils.clip_grad_norm_(w, 1.0, error_if_nonfinite=True)
except RuntimeError as e:
    print("RuntimeError:", e)
print(torch.finfo(torch.float32), torch.finfo(torch.float64).eps, torch.finfo().tiny, torch.iinfo(torch.int64).max)
print(torch.iinfo(torch.int64), torch.finfo(torch.float32).bits, torch.get_default_dtype())
for bad in [lambda: torch.finfo(torch.int64), lambda: torch.iinfo(torch.float32)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
with torch.inference_mode():
    x = torch.ones(2, requires_grad=True) * 2
with torch.inference_mode(False):
    y = torch.ones(2, requires_grad=True) * 2


@torch.inference_mode()
def predict(t):
    return model(t)


print(x.requires_grad, y.requires_grad, predict(torch.ones(1, 3)).requires_grad, torch.is_grad_enabled())
