import torch
import torch.nn as nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
        self.head = nn.Linear(2, 1, bias=False)

    def forward(self, x):
        return self.head(self.body(x))


a = Net()
sd = a.state_dict()
print(list(sd.keys()))
print([tuple(v.shape) for v in sd.values()])
print(all(not v.requires_grad for v in sd.values()))
b = Net()
with torch.no_grad():
    for p in b.parameters():
        p.fill_(0.5)
print(b.load_state_dict(sd))
x = torch.ones(2, 3)
print(torch.equal(a(x), b(x)))
sd["head.weight"].fill_(7.0)
print(a.head.weight)
