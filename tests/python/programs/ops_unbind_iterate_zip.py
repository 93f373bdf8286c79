import torch
a = torch.tensor([[1, 2], [3, 4]])
for r, c in zip(a, a.t()):
    print(r.tolist(), c.tolist())
print([t.item() for t in torch.tensor([5, 6, 7])])
print(a.unbind(1))
