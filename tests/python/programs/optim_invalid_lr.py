import torch
w = torch.tensor([1.0], requires_grad=True)
torch.optim.SGD([w], lr=-1)
