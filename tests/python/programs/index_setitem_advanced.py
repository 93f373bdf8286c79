import torch
x = torch.zeros(3, 4)
x[[0, 2]] = 1
x[1, torch.tensor([1, 3])] = torch.tensor([5.0, 6.0])
x[:, [0]] = torch.tensor([[7.0], [8.0], [9.0]])
print(x)
y = torch.arange(6.0)
y[y > 3] = torch.tensor(0.0)
y[torch.tensor([True, False, False, False, False, False])] = -1
print(y)
