import torch
w = torch.tensor([1.0], requires_grad=True)
print(torch.optim.SGD([w], lr=0.1, momentum=0.9))
