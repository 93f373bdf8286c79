import torch
print({'a': torch.tensor(1.0)})
print((torch.tensor([1]), torch.tensor([2.0])))
