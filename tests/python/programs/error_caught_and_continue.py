import torch
try:
    torch.ones(2) + torch.ones(3)
except RuntimeError as e:
    print("caught:", e)
print(torch.ones(2) + 1)
