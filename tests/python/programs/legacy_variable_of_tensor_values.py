import torch
from torch.autograd import Variable
x = Variable(torch.tensor([1.0, 2.0]), requires_grad=True)
y = x.sum()
y.backward()
print(x.grad.tolist())
