import torch
w = torch.tensor([2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.5, weight_decay=0.1)
(w * 0).sum().backward()
opt.step()
print(w.item())
