import torch
from torch.autograd import Variable
v = Variable(torch.FloatTensor([[1, 2], [3, 4]]), requires_grad=True)
print(v.data.numpy().tolist())
print(v.data.numpy().shape)
