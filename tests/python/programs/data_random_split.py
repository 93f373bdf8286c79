import torch
from torch.utils.data import TensorDataset, random_split
torch.manual_seed(0)
ds = TensorDataset(torch.arange(10))
a, b = random_split(ds, [7, 3])
print(a.indices, b.indices, len(a), a[0])
parts = random_split(ds, [0.5, 0.3, 0.2])
print([p.indices for p in parts])
print([len(p) for p in random_split(TensorDataset(torch.arange(11)), [0.8, 0.2])])
try:
    random_split(ds, [5, 4])
except ValueError as e:
    print(e)
