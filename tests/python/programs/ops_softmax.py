import torch
x = torch.tensor([[1.0, 2.0], [3.0, 5.0]])
print(torch.softmax(x, dim=1))
print(x.log_softmax(dim=0))
