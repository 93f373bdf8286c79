import torch
a = torch.ones(2, 3)
b = torch.ones(3, 4)
print((a @ b).shape)
print(torch.matmul(torch.ones(3), torch.ones(3)))
print(torch.mm(a, b).sum())
print(torch.ones(5, 2, 3).bmm(torch.ones(5, 3, 1)).shape)
