import torch
import torch.nn as nn

class Scale(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.tensor([2.0, 3.0]))
        self.not_a_param = torch.tensor([1.0])

    def forward(self, x):
        return x * self.w

m = Scale()
print([n for n, _ in m.named_parameters()])
print(m(torch.tensor([1.0, 1.0])))
