import torch
from torch.autograd import Variable
v = Variable(torch.FloatTensor([[1, 2], [3, 4]]))
a = v.data.numpy()
print(a.shape, a.dtype, len(a))
print(a.tolist())
