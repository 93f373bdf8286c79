import torch
x = torch.tensor([[1.0, 5.0], [7.0, 2.0]])
print(x.argmax(), x.argmax(dim=0))
print(x.sum(0), x.sum(1, keepdim=True))
print(x.mean(dim=(0, 1)))
