import torch
w = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
for g in opt.param_groups:
    g['lr'] = 0.5
(w * 2).sum().backward()
opt.step()
print(w.item())
