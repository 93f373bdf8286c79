import torch
x = torch.tensor([5.0, -7.0, 9.0])
print(x // 2)
print(x % 3)
print(torch.tensor([7, -7]) // 2)
print(torch.tensor([7, -7]) % 3)
