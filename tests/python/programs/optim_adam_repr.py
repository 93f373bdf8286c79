import torch
w = torch.tensor([1.0], requires_grad=True)
print(torch.optim.Adam([w], lr=0.001))
