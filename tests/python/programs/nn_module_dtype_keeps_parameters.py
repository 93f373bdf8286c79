import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(3, 2), nn.BatchNorm1d(2))
opt = torch.optim.SGD(model.parameters(), lr=0.5)
weight = model[0].weight
model(torch.randn(4, 3)).sum().backward()
model.double()
print(weight is model[0].weight, weight.dtype, weight.grad.dtype, weight.requires_grad, weight.is_leaf)
print(model[1].running_mean.dtype, model[1].num_batches_tracked.dtype)
opt.step()
print(model[0].weight)
print(opt.param_groups[0]["params"][0] is model[0].weight)
model.to(torch.float32)
print(model[0].bias.dtype, model(torch.ones(2, 3)).dtype)
model.to("cpu", torch.float64)
print(model[0].bias.dtype)
model.to(torch.ones(1))
print(model[0].bias.dtype)
try:
    model.to(torch.int64)
except TypeError as e:
    print("TypeError:", e)
