import torch
w = torch.tensor([0.5, -0.5], requires_grad=True)
total = torch.tensor(0.0)
for i in range(4):
    loss = (w * (i + 1)).pow(2).sum()
    loss.backward()
    total = total + loss.detach()
print(w.grad, total)
