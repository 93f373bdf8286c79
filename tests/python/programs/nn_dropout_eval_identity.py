import torch
import torch.nn as nn
d = nn.Dropout(p=0.3)
d.eval()
x = torch.tensor([1.0, 2.0, 3.0])
print(d(x))
print(d)
