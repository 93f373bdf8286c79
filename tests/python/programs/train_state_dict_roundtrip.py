import torch
import torch.nn as nn
m = nn.Linear(3, 1)
saved = {k: v.clone() for k, v in m.state_dict().items()}
opt = torch.optim.SGD(m.parameters(), lr=1.0)
m(torch.ones(1, 3)).sum().backward()
opt.step()
print(torch.equal(m.bias, saved['bias']))
m.load_state_dict(saved)
print(torch.equal(m.bias, saved['bias']))
