import torch
x = torch.tensor([-1.0, 0.5, 2.0], requires_grad=True)
torch.relu(x).sum().backward()
print(x.grad)
