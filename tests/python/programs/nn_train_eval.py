import torch.nn as nn
model = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5))
print(model.training, model[1].training)
model.eval()
print(model.training, model[1].training)
model.train()
print(model[1].training)
