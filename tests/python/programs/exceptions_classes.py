import torch
import torch.nn as nn

cases = [
    lambda: torch.ones(2) + torch.ones(3),
    lambda: torch.ones(2, 3)[2],
    lambda: torch.ones(2).sum(dim=3),
    lambda: torch.ones(2).view(3),
    lambda: float(torch.ones(3)),
    lambda: torch.ones(2).item(),
    lambda: len(torch.tensor(1.)),
    lambda: torch.ones(2).foo,
    lambda: nn.Linear(2, 2)(torch.ones(3)),
    lambda: torch.ones(2, 2) @ torch.ones(3),
    lambda: torch.ones(2).backward(),
    lambda: torch.ones(2, requires_grad=True).sum().backward() or torch.ones(2).sum().backward(),
    lambda: nn.functional.mse_loss(torch.ones(2), torch.ones(2), reduction="bad"),
    lambda: torch.tensor([[1, 2], [3]]),
    lambda: torch.ones(2) < "a",
    lambda: torch.cat([torch.ones(2, 2), torch.ones(2, 3)]),
    lambda: torch.ones(2, dtype=torch.long).requires_grad_(),
    lambda: torch.optim.SGD([torch.ones(2, requires_grad=True)], lr=-1),
    lambda: bool(torch.ones(2)),
    lambda: iter(torch.tensor(2.)),
    lambda: torch.ones(2).squeeze(4),
    lambda: torch.ones(2, 3).transpose(0, 5),
    lambda: nn.Module()(1),
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__, str(e).split("\n")[0])
