import torch
from torch.utils.data import DataLoader, TensorDataset
torch.manual_seed(0)
x = torch.arange(20, dtype=torch.float32).reshape(10, 2)
y = torch.arange(10)
ds = TensorDataset(x, y)
print(len(ds), ds[3])
loader = DataLoader(ds, batch_size=4, shuffle=True)
print(len(loader))
for epoch in range(2):
    for xb, yb in loader:
        print(epoch, yb.tolist(), xb.shape)
batches = list(DataLoader(ds, batch_size=3, shuffle=True, drop_last=True))
print(len(batches), [b[1].tolist() for b in batches])
print(next(iter(DataLoader(ds, batch_size=2))))
print(torch.rand(1))
