import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
m = x.mean(dim=0, keepdim=True)
print(m)
m.sum().backward()
print(x.grad)
