import torch
print(f"{torch.tensor([1.0, 2.0]):.2f}")
