import torch
import torch.nn as nn
a = nn.Linear(2, 2)
b = nn.Linear(2, 2)
print(b.load_state_dict(a.state_dict()))
print(torch.equal(a.weight, b.weight), torch.equal(a.bias, b.bias))
