import torch
w = torch.tensor([3.0], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.01, betas=(0.8, 0.99), eps=1e-6)
for _ in range(3):
    opt.zero_grad()
    (w * w).sum().backward()
    opt.step()
print(round(w.item(), 5))
