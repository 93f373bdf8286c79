import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.5, nesterov=True)
for _ in range(2):
    opt.zero_grad()
    (w ** 2).sum().backward()
    opt.step()
print([round(v, 5) for v in w.tolist()])
