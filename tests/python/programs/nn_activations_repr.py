import torch.nn as nn
print(nn.ReLU(), nn.Tanh(), nn.Sigmoid(), nn.GELU(), nn.LeakyReLU(), nn.Flatten(), nn.Identity())
