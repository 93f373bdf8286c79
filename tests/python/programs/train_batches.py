import torch
data = torch.arange(12.0).view(6, 2)
target = data.sum(dim=1, keepdim=True)
w = torch.zeros(2, 1, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.01)
for epoch in range(30):
    for i in range(0, 6, 2):
        xb, yb = data[i:i + 2], target[i:i + 2]
        opt.zero_grad()
        loss = ((xb @ w - yb) ** 2).mean()
        loss.backward()
        opt.step()
print([round(v, 2) for v in w.view(-1).tolist()])
