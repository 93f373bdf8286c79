import torch
x = torch.tensor([1.0, 2.0])
print(str(x) == repr(x))
print([x])
