import torch
torch.set_printoptions(sci_mode=False)
print(torch.tensor([1e-5, 1.0]))
