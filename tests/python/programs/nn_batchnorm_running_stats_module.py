import torch
from torch import nn
torch.manual_seed(0)
bn = nn.BatchNorm2d(2)
x = torch.randn(4, 2, 3, 3)
for _ in range(3):
    y = bn(x * 2 + 1)
print(y[0, 0])
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
bn.eval()
print(bn(x)[1, 1])
print(list(bn.state_dict().keys()))
print(bn.state_dict()["num_batches_tracked"])
cma = nn.BatchNorm1d(3, momentum=None)
for i in range(3):
    cma(torch.arange(6.0).reshape(2, 3) * (i + 1))
print(cma.running_mean, cma.running_var, cma.num_batches_tracked)
no_stats = nn.BatchNorm1d(3, track_running_stats=False)
print(no_stats(torch.tensor([[1.0, 2.0, 3.0], [3.0, 2.0, 0.0]])), no_stats.running_mean, list(no_stats.state_dict()))
copy = nn.BatchNorm2d(2)
print(copy.load_state_dict(bn.state_dict()))
print(copy.running_mean, copy.num_batches_tracked)
try:
    bn(torch.zeros(2, 2))
except ValueError as e:
    print(e)
