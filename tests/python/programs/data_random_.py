import torch
torch.manual_seed(3)
print(torch.empty(4).random_(10))
print(torch.empty(3, dtype=torch.int64).random_(-5, 5))
print(torch.zeros(3).random_())
print(torch.empty((), dtype=torch.int64).random_() > 0)
print(torch.rand(2))
try:
    torch.empty(2).random_(3, 1)
except RuntimeError as e:
    print(e)
