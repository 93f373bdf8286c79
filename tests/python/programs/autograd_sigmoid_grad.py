import torch
x = torch.tensor([0.0, 1.0, -1.0], requires_grad=True)
torch.sigmoid(x).sum().backward()
print(x.grad)
