import torch
w = torch.tensor(1.0, requires_grad=True)
for i in range(5):
    loss = (w - 3) ** 2
    loss.backward()
    with torch.no_grad():
        w -= 0.25 * w.grad
    w.grad = None
    print(i, round(loss.item(), 4), round(w.item(), 4))
