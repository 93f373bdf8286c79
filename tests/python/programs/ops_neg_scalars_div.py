import torch
x = torch.tensor([3.0, -6.0])
print(1 / x, -x / 3, x / -3)
print(2 - x, (-x) ** 2)
print(torch.tensor([1, 2, 3]) / torch.tensor([2, 2, 2]))
