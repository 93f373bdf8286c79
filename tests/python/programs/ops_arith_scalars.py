import torch
x = torch.tensor([1.0, 2.0, 4.0])
print(x + 1, 1 + x)
print(x - 1, 10 - x)
print(x * 2, 3 * x)
print(x / 2, 8 / x)
print(x ** 2, 2 ** x)
