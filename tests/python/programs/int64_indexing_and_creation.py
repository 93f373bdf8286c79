import torch

idx = torch.tensor([2, 0, 2])
x = torch.arange(10, 15)
print(x[idx], x[idx].dtype)
print(torch.arange(0, 10, 3), torch.arange(5, 0, -2))
print(torch.full((2, 2), 7), torch.full((2,), 7.0))
print(torch.zeros(3, dtype=torch.long) + 1.5)
print(torch.tensor([1, 2, 3]) * True, torch.tensor([1, 2, 3]) > 1.5)
print(torch.tensor([[1, 2], [3, 4]]).sum(0), torch.tensor([[1, 2], [3, 4]]).max(1))
print(torch.tensor([[1, 2], [3, 4]]) @ torch.tensor([[1], [1]]))
print(torch.tensor(5) // 2, torch.tensor(-5) // 2, torch.tensor(-5) % 3)
print(torch.tensor([2 ** 40, -2 ** 40]), torch.tensor(2 ** 40).item())
print(torch.ones(2, 3).long().tolist(), torch.tensor(3.9).long(), torch.tensor(-3.9).long())
