import torch
print(torch.tensor([-1.5, 0.0, 2.25]))
print(torch.tensor([[-1, 0], [5, 100]]))
