import torch
x = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
y = 2 * x + 1
w = torch.zeros(1, 1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
for epoch in range(200):
    pred = x @ w + b
    loss = ((pred - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        w -= 0.05 * w.grad
        b -= 0.05 * b.grad
    w.grad.zero_()
    b.grad.zero_()
print(round(w.item(), 2), round(b.item(), 2))
print(f"{loss.item():.4f}")
