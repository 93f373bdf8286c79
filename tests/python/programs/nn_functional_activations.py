import torch
import torch.nn.functional as F
x = torch.tensor([-1.0, 0.0, 2.0])
print(F.relu(x))
print(F.sigmoid(x))
print(F.tanh(x))
print(F.leaky_relu(x, 0.1))
print(F.softmax(x, dim=0))
