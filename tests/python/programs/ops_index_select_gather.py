import torch
x = torch.tensor([[1, 2, 3], [4, 5, 6]])
print(x.index_select(1, torch.tensor([0, 2])))
print(x.gather(1, torch.tensor([[2], [0]])))
