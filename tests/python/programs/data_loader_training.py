import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split
torch.manual_seed(0)
x = torch.randn(40, 3)
y = (x @ torch.tensor([[1.0], [-2.0], [0.5]]) + 0.1).squeeze(1)
train, test = random_split(TensorDataset(x, y), [0.75, 0.25])
print(len(train), len(test), train.indices[:5])
model = nn.Linear(3, 1)
opt = torch.optim.Adam(model.parameters(), lr=0.1)
sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.9)
loader = DataLoader(train, batch_size=8, shuffle=True)
for epoch in range(3):
    total = 0.0
    for xb, yb in loader:
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(xb).squeeze(1), yb)
        loss.backward()
        opt.step()
        total += loss.item()
    sched.step()
    print(epoch, round(total, 4), sched.get_last_lr())
print(model.weight)
