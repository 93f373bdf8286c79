import torch
from torch.autograd import Variable
v = Variable(torch.FloatTensor([1.0]))
print(v.requires_grad)
print((v * 2).requires_grad)
