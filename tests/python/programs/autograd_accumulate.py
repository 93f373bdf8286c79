import torch
w = torch.tensor([1.0, -1.0], requires_grad=True)
for i in range(3):
    (w * (i + 1)).sum().backward()
print(w.grad)
w.grad.zero_()
print(w.grad)
