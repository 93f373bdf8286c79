import torch
t = torch.tensor([[0, 1], [2, 0]])
print(t.nonzero(as_tuple=True), torch.nonzero(t, as_tuple=False), torch.nonzero(t))
print(torch.where(t > 0), torch.where(torch.tensor(True)), torch.tensor(3).nonzero(), torch.tensor(0).nonzero(as_tuple=True))
print(torch.where(torch.tensor([1.0, -1.0]) > 0), torch.where(torch.zeros(2, 0, 3) > 0))
print(t[torch.where(t > 0)])
