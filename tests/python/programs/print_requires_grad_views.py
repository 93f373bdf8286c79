import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
print(x[0])
print(x.t())
print(x.view(4))
print(x.sum(0))
print(x.max())
