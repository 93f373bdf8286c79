import torch
from torch.autograd import Variable
t = torch.FloatTensor([[1, 2], [3, 4]])
a = Variable(t, requires_grad=True)
b = Variable(t)
print((a * b).requires_grad, (b * b).requires_grad)
