import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
sd = model.state_dict()
print(list(sd.keys()))
print([tuple(v.shape) for v in sd.values()])
