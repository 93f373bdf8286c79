import torch.nn as nn
a = nn.Linear(2, 2)
b = nn.Linear(2, 2, bias=False)
b.load_state_dict(a.state_dict())
