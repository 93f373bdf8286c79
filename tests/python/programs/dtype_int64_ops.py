import torch

a = torch.tensor([7, -7, 2, 0])
b = torch.tensor([2, 2, 3, 5])
print(a.dtype, a + b, a - b, a * b)
print(a / b)
print(a // b, a % b)
print(a ** 2, (a * 2.5).dtype)
print(a.sum(), a.sum().dtype, a.max(), a.argmin())
print(a.float().mean(), a.abs(), -a)
print(a.double(), a.tolist(), a[0].item(), type(a[0].item()))
print(torch.tensor([1, 2]) + torch.tensor([0.5, 0.5]))
print(torch.arange(5), torch.arange(5).dtype, torch.zeros(2, dtype=torch.int64))
try:
    a.mean()
except RuntimeError as e:
    print(e)
