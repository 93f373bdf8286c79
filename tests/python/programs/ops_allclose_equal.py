import torch
a = torch.tensor([1.0, 2.0])
print(torch.allclose(a, a + 1e-9), torch.equal(a, a.clone()))
print(torch.equal(a, torch.tensor([1.0, 2.5])))
