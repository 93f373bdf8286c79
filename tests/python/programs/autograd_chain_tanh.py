import torch
x = torch.tensor(0.5, requires_grad=True)
y = x
for _ in range(5):
    y = torch.tanh(y * 1.5 + 0.1)
y.backward()
print(y)
print(x.grad)
