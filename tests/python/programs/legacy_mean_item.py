import torch
from torch.autograd import Variable
variable = Variable(torch.FloatTensor([[1, 2], [3, 4]]), requires_grad=True)
v_out = torch.mean(variable * variable)
print(v_out.item())
v_out.backward()
print(variable.grad.tolist())
