import math
import torch
from torch import nn
w = torch.empty(3, 5)
for name, call in [("uniform_", lambda: nn.init.uniform_(w, -0.5, 0.5)), ("normal_", lambda: nn.init.normal_(w, 1.0, 0.1)),
                   ("kaiming_uniform_", lambda: nn.init.kaiming_uniform_(w, a=math.sqrt(5))),
                   ("kaiming_uniform_relu", lambda: nn.init.kaiming_uniform_(w, mode="fan_out", nonlinearity="relu")),
                   ("kaiming_normal_", lambda: nn.init.kaiming_normal_(w)),
                   ("xavier_uniform_", lambda: nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain("tanh"))),
                   ("xavier_normal_", lambda: nn.init.xavier_normal_(w))]:
    torch.manual_seed(0)
    print(name, call())
conv_w = torch.empty(4, 2, 3, 3)
torch.manual_seed(1)
print(nn.init.kaiming_normal_(conv_w, mode="fan_out", nonlinearity="relu")[0, 0])
print(nn.init.constant_(w, 0.25)[0], nn.init.ones_(torch.empty(2)), nn.init.zeros_(torch.empty(2)))
print([nn.init.calculate_gain(n) for n in ["linear", "conv2d", "sigmoid", "tanh", "relu", "selu"]])
print(nn.init.calculate_gain("leaky_relu"), nn.init.calculate_gain("leaky_relu", 0.2))
p = nn.Parameter(torch.zeros(2, 2))
nn.init.uniform_(p)
print(p.requires_grad, p.grad_fn, p.is_leaf)
for bad in [lambda: nn.init.xavier_uniform_(torch.empty(3)), lambda: nn.init.kaiming_uniform_(w, mode="fan_avg"),
            lambda: nn.init.calculate_gain("softsign"), lambda: nn.init.calculate_gain("leaky_relu", "x")]:
    try:
        bad()
    except ValueError as e:
        print(e)
