import torch
torch.manual_seed(3)
x = torch.randint(0, 5, (50,))
print(x.dtype, bool((x >= 0).all()), bool((x < 5).all()))
