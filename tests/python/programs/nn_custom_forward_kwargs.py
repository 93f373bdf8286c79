import torch
import torch.nn as nn

class Affine(nn.Module):
    def __init__(self, scale=2.0):
        super().__init__()
        self.scale = scale
        self.shift = nn.Parameter(torch.tensor(1.0))

    def forward(self, x, *, negate=False):
        y = x * self.scale + self.shift
        return -y if negate else y

    def extra_repr(self):
        return f"scale={self.scale}"

m = Affine(3.0)
print(m)
print(m(torch.tensor([1.0, 2.0])), m(torch.tensor([1.0]), negate=True))
