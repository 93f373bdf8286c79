import torch
x = torch.tensor([1.0, 4.0])
print(torch.exp(torch.tensor([0.0, 1.0])))
print(torch.log(x))
print(torch.sqrt(x), x.rsqrt())
