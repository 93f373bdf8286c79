import torch
from torch import nn
torch.manual_seed(0)
for make, shape in [(lambda: nn.Conv2d(2, 3, 3, padding=1, stride=2), (1, 2, 5, 5)),
                    (lambda: nn.ConvTranspose2d(2, 2, 3, stride=2), (1, 2, 3, 3)),
                    (lambda: nn.BatchNorm1d(3), (4, 3)),
                    (lambda: nn.LayerNorm(4), (3, 4)),
                    (lambda: nn.GroupNorm(2, 4), (2, 4, 3))]:
    m = make().double()
    x = torch.randn(*shape, dtype=torch.float64, requires_grad=True)
    print(type(m).__name__, torch.autograd.gradcheck(lambda inp: m(inp), (x,)),
          [p.dtype for p in m.parameters()])
    m(x).sum().backward()
    print([tuple(p.grad.shape) for p in m.parameters()])
