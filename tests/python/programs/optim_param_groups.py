import torch
a = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([1.0], requires_grad=True)
opt = torch.optim.SGD([{'params': [a]}, {'params': [b], 'lr': 0.5}], lr=0.1)
(a + b).sum().backward()
opt.step()
print(a.item(), b.item())
print(len(opt.param_groups), opt.param_groups[1]['lr'])
