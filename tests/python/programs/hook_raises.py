import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)

def bad(g):
    raise ValueError("hook failed on " + str(g.tolist()))

x.register_hook(bad)
try:
    (x * 2).sum().backward()
except ValueError as e:
    print("caught:", e)
y = torch.tensor([3.0], requires_grad=True)
(y * y).sum().backward()
print(y.grad)
(x * 2).sum().backward()
