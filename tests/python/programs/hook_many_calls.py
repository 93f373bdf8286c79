import torch
x = torch.tensor([1.0], requires_grad=True)
calls = []
x.register_hook(lambda g: calls.append(1) or g * 2)
for _ in range(50):
    (x * 3).sum().backward()
print(len(calls), x.grad)
