import torch
w = torch.tensor([2.0], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)

def closure():
    opt.zero_grad()
    loss = (w * w).sum()
    loss.backward()
    return loss

print(opt.step(closure))
print(w)
