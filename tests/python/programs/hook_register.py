import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
seen = []
h = x.register_hook(lambda g: seen.append(g.tolist()))
(x * 3).sum().backward()
print(seen)
h.remove()
(x * 3).sum().backward()
print(seen, x.grad)
