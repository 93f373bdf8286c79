import torch
from torch.autograd import Variable
x = Variable(torch.FloatTensor([[1, 2], [3, 4]]), requires_grad=True)
out = torch.mean(x * x)
out.backward(retain_graph=True)
out.backward()
print(x.grad.tolist())
