import torch
from torch.autograd import Variable
t = torch.FloatTensor([1.0, 2.0])
v = Variable(t)
t.add_(1)
print(v.data.tolist())
