import torch
x = torch.tensor([5.0, -3.0], requires_grad=True)
opt = torch.optim.Adam([x], lr=0.5)
for i in range(100):
    opt.zero_grad()
    loss = (x ** 2).sum()
    loss.backward()
    opt.step()
print(loss.item() < 0.1)
