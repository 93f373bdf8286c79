import torch
w = torch.tensor([1.0, -1.0], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1)
for _ in range(5):
    opt.zero_grad()
    ((w - 0.5) ** 2).sum().backward()
    opt.step()
print([round(v, 4) for v in w.tolist()])
