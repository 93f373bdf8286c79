import torch
import torch.nn as nn

m = nn.Linear(2, 2)
w = torch.ones(2, requires_grad=True)
cases = [
    lambda: m.register_parameter("a.b", nn.Parameter(torch.ones(1))),
    lambda: m.register_parameter("", nn.Parameter(torch.ones(1))),
    lambda: m.add_module("x.y", nn.ReLU()),
    lambda: m.foo,
    lambda: setattr(m, "weight", torch.ones(2)),
    lambda: nn.Sequential(nn.ReLU())[5],
    lambda: torch.optim.SGD([], lr=0.1),
    lambda: torch.optim.Adam([w], betas=(1.5, 0.9)),
    lambda: torch.optim.Adam([w], lr=-0.5),
    lambda: torch.optim.SGD([w], lr=0.1, momentum=-1),
    lambda: nn.functional.cross_entropy(torch.zeros(2, 3), torch.tensor([0, 3])),
    lambda: m(torch.ones(2, 3)),
    lambda: m.load_state_dict({"weight": torch.ones(2, 2)}),
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__, str(e).split("\n")[0])
more = [
    lambda: m.register_parameter(1, None),
    lambda: m.register_parameter("weight2", torch.ones(1)),
    lambda: m.register_parameter("training", None),
    lambda: m.add_module("", nn.ReLU()),
    lambda: m.add_module("bias", nn.ReLU()),
    lambda: m.add_module("a", 3),
    lambda: m.add_module(3, nn.ReLU()),
    lambda: nn.Sequential(nn.ReLU())[-3],
    lambda: nn.ModuleList([nn.ReLU()])[4],
    lambda: setattr(m, "weight", 3),
]
for i, case in enumerate(more):
    try:
        case()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__, str(e).split("\n")[0])
m.register_parameter("extra", None)
m.add_module("act", nn.Tanh())
print(m, list(dict(m.named_parameters())), nn.Sequential(nn.ReLU(), nn.Tanh())[-1], nn.ModuleList([nn.ReLU(), nn.Tanh()])[1:])
