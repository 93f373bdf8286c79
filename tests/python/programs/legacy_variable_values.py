import torch
from torch.autograd import Variable
v = Variable(torch.FloatTensor([1, 2, 3]), requires_grad=True)
out = (v * v).sum()
out.backward()
print(v.grad.tolist())
print(v.requires_grad)
