import torch
x = torch.tensor([0.5, 1.5], requires_grad=True)
y = torch.log(torch.exp(x) + 1).sum()
y.backward()
print(y)
print(x.grad)
