import torch
print(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
