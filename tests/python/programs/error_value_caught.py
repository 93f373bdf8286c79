import torch
try:
    float(torch.zeros(3))
except ValueError as e:
    print(type(e).__name__, e)
