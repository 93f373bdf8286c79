import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
(w * w).sum().backward()
w.data -= 0.1 * w.grad.data
print(w)
print(w.is_leaf, w.requires_grad)
