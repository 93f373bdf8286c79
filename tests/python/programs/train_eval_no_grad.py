import torch
import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
model.eval()
with torch.no_grad():
    out = model(torch.ones(3, 2))
print(out.shape, out.requires_grad)
