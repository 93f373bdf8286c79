import torch
x = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
y = torch.tensor([[0.0], [1.0], [1.0], [0.0]])
w1 = torch.tensor([[1.0, -1.0], [-1.0, 1.0]], requires_grad=True)
b1 = torch.tensor([0.0, 0.0], requires_grad=True)
w2 = torch.tensor([[1.0], [1.0]], requires_grad=True)
for step in range(3):
    h = torch.relu(x @ w1 + b1)
    out = h @ w2
    loss = ((out - y) ** 2).mean()
    loss.backward()
    with torch.no_grad():
        for p in (w1, b1, w2):
            p -= 0.1 * p.grad
            p.grad.zero_()
    print(f"step {step}: {loss.item():.4f}")
