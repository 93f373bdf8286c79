import torch
try:
    torch.zeros(2)[3]
except IndexError as e:
    print(type(e).__name__, e)
