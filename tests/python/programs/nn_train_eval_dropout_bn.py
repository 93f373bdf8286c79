import torch
from torch import nn
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Dropout(0.5), nn.Linear(8, 2))
x = torch.randn(6, 4)
out_train = model(x)
print(out_train)
model.eval()
print(model.training, model[1].training, model[3].training)
out_eval = model(x)
print(out_eval)
print(torch.equal(model(x), out_eval))
model.train()
print(model(x).shape, model[1].num_batches_tracked)
