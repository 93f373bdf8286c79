import torch
for kwargs in [dict(), dict(momentum=0.9), dict(centered=True, alpha=0.9, weight_decay=0.1),
               dict(momentum=0.5, centered=True, eps=1e-6)]:
    w = torch.tensor([1.0, -2.0, 0.5], requires_grad=True)
    opt = torch.optim.RMSprop([w], lr=0.01, **kwargs)
    for _ in range(5):
        opt.zero_grad()
        (w.sin() * w).sum().backward()
        opt.step()
    print(kwargs, w.detach(), sorted(opt.state[w].keys()), opt.state[w]["step"])
print(torch.optim.RMSprop([w]))
