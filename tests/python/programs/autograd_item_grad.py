import torch
x = torch.tensor([3.0], requires_grad=True)
y = (x * x).sum()
y.backward()
print(y.item(), x.grad.item())
