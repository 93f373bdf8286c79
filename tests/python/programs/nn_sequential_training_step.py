import torch
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 2), nn.Tanh(), nn.Linear(2, 1))
with torch.no_grad():
    for p in model.parameters():
        p.fill_(0.1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.tensor([[1.0, 2.0]])
y = torch.tensor([[1.0]])
for _ in range(3):
    opt.zero_grad()
    loss = nn.MSELoss()(model(x), y)
    loss.backward()
    opt.step()
    print(round(loss.item(), 5))
for name, p in model.named_parameters():
    print(name, [round(v, 4) for v in p.view(-1).tolist()])
