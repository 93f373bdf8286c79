import torch
x = torch.tensor([1.0, 5.0, 3.0], requires_grad=True)
x.max().backward()
print(x.grad)
