import torch
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
y = x.sum(dim=1)
print(y)
y.backward(torch.tensor([1.0, 10.0]))
print(x.grad)
