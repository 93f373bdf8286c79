import torch
x = torch.ones(2, requires_grad=True)
x.data = torch.zeros(3, dtype=torch.float64)
print(x, x.is_leaf, x.requires_grad)
(x * 2).sum().backward()
print(x.grad)
y = torch.arange(4)
y.data = torch.tensor([1.5, 2.5])
print(y, y.shape)
w = torch.tensor([1.0, 2.0], requires_grad=True)
loss = (w * w).sum()
w.data = w.data * 10
loss.backward()
print(w, w.grad)
try:
    x.data = 5
except TypeError as e:
    print("TypeError:", e)
