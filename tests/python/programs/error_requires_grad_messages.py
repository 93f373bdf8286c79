import torch
for make in (lambda: torch.tensor([1]).requires_grad_(), lambda: setattr(torch.tensor([1]), "requires_grad", True),
             lambda: torch.zeros(2, dtype=torch.long, requires_grad=True)):
    try:
        make()
    except RuntimeError as e:
        print(e)
