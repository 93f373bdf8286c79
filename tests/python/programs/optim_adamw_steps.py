import torch
w = torch.tensor([[0.1, -0.2], [0.3, 0.05]], requires_grad=True)
b = torch.tensor([0.01, -0.02], requires_grad=True)
opt = torch.optim.AdamW([w, b], lr=0.05)
x = torch.tensor([[0.5, -1.0], [1.5, 0.25], [-0.3, 0.8]])
for i in range(5):
    opt.zero_grad()
    loss = (x @ w + b).sigmoid().sub(0.25).pow(2).sum()
    loss.backward()
    opt.step()
    print(i, round(loss.item(), 6))
print(w)
print(b)
print(opt)
