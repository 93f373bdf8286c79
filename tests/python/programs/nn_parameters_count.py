import torch.nn as nn
model = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 2))
print(sum(p.numel() for p in model.parameters()))
print(len(list(model.parameters())))
