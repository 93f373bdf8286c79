import torch.nn as nn
model = nn.Sequential(nn.Linear(1, 1), nn.Sequential(nn.ReLU(), nn.Tanh()))
print(len(list(model.children())), len(list(model.modules())))
for name, m in model.named_modules():
    print(repr(name), type(m).__name__)
