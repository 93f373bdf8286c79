import torch
xs = [torch.tensor(1.0), torch.tensor(2.0)]
print(torch.stack(xs))
print(torch.tensor([x.item() for x in xs]))
