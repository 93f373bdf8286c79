import torch
s = torch.ones(2, 3, 4).shape
print(s[0], s[1:], len(s), s == (2, 3, 4))
print(isinstance(s, tuple))
