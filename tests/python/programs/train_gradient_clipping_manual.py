import torch
w = torch.tensor([10.0, -10.0], requires_grad=True)
loss = (w ** 3).sum()
loss.backward()
g = w.grad.clamp(-100, 100)
print(g)
