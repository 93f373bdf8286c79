import torch

x = torch.ones(2, requires_grad=True)
cases = [
    lambda: torch.zeros(2, 3).view(-1, -1),
    lambda: torch.tensor([1, 2]).requires_grad_(),
    lambda: setattr(x, "grad", torch.ones(3)),
    lambda: setattr(x, "grad", 5),
    lambda: torch.autograd.grad(x * 2, x),
    lambda: torch.ones(2).expand(3),
    lambda: torch.stack([]),
    lambda: torch.ones(3)[[0, 5]],
    lambda: torch.ones(3)[torch.tensor([True])],
    lambda: torch.ones(3)[1.5],
    lambda: torch.ones(3)["a"],
    lambda: torch.ones(2, 3).t().view(6),
    lambda: torch.ones(2).unsqueeze(3),
    lambda: torch.ones(2, 2).permute(0),
    lambda: torch.ones(2).reshape(-1, 3),
    lambda: torch.tensor([1.0]).long().sqrt().requires_grad_(),
    lambda: torch.ones(2, 3).sum(dim=(0, 0)),
    lambda: int(torch.ones(2)),
    lambda: torch.ones(2)[0, 0],
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__, str(e).split("\n")[0])
