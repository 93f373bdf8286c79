import torch
import torch.nn as nn
torch.manual_seed(0)
model = nn.Linear(1, 1)
with torch.no_grad():
    model.weight.fill_(0.0)
    model.bias.fill_(0.0)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.tensor([[0.0], [1.0], [2.0]])
y = torch.tensor([[1.0], [3.0], [5.0]])
loss_fn = nn.MSELoss()
for _ in range(300):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
print(round(model.weight.item(), 3), round(model.bias.item(), 3))
