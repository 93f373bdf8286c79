import torch
from torch.autograd import Variable
t = torch.FloatTensor([1.0, 2.0])
a = Variable(t, requires_grad=True)
print(a.requires_grad)
print((a * 2).requires_grad)
