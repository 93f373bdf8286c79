import torch
import torch.nn as nn

class Norm(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer('scale', torch.tensor([2.0]))
        self.w = nn.Parameter(torch.tensor([1.0]))

    def forward(self, x):
        return x * self.scale * self.w

m = Norm()
print(list(m.state_dict().keys()))
print([n for n, _ in m.named_parameters()], [n for n, _ in m.named_buffers()])
print(m(torch.tensor([3.0])))
