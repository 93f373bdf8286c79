import torch
x = torch.tensor([[1, 2], [3, 4], [5, 6]])
print(len(x))
for row in x:
    print(row)
