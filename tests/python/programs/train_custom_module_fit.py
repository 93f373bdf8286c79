import torch
import torch.nn as nn

class Quadratic(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Parameter(torch.tensor(0.0))
        self.b = nn.Parameter(torch.tensor(0.0))

    def forward(self, x):
        return self.a * x * x + self.b

m = Quadratic()
x = torch.tensor([1.0, 2.0, 3.0])
y = 2 * x * x + 1
opt = torch.optim.Adam(m.parameters(), lr=0.1)
for _ in range(500):
    opt.zero_grad()
    loss = ((m(x) - y) ** 2).mean()
    loss.backward()
    opt.step()
print(round(m.a.item(), 2), round(m.b.item(), 2))
