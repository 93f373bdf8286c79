import torch
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x[[0, 2, 2]].sum()
y.backward()
print(x.grad)
