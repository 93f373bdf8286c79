import torch
from torch import nn
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(device, repr(device), torch.device("cuda:1"), repr(torch.device("cuda", 0)), torch.device("cpu").index)
print(torch.device("cpu") == torch.device("cpu"), torch.device("cpu") == "cpu", torch.device(torch.device("cpu")))
x = torch.ones(2, device=device).to(device)
model = nn.Linear(2, 1).to(device)
print(x.device, x.is_cuda, model(x).shape, x.to("cpu", torch.float64).dtype, x.to(device="cpu").dtype)
for f in [lambda: torch.device("foo"), lambda: torch.ones(2, device="cuda"), lambda: x.to("cuda"), lambda: x.cuda(),
          lambda: model.cuda(), lambda: model.to("cuda:0"), lambda: x.to("mps"), lambda: torch.zeros(2).to(device="cuda"),
          lambda: torch.tensor([1.0], device="cuda")]:
    try:
        print(f())
    except (AssertionError, RuntimeError) as e:
        print(type(e).__name__, e)
