import torch
import torch.nn as nn

m = nn.Linear(2, 2)
try:
    m.load_state_dict({"weight": torch.zeros(2, 2)})
except RuntimeError as e:
    print(type(e).__name__)
    print(e)
try:
    m.load_state_dict({"weight": torch.zeros(3, 2), "bias": torch.zeros(2)})
except RuntimeError as e:
    print(e)
r = m.load_state_dict({"weight": torch.zeros(2, 2)}, strict=False)
print(r.missing_keys, r.unexpected_keys)
print(m.weight)
try:
    m.load_state_dict({"weight": torch.zeros(3, 2), "bias": torch.zeros(3), "extra": torch.ones(1)})
except RuntimeError as e:
    print(e)
