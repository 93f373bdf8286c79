import torch
import torch.nn.functional as F

torch.manual_seed(1)
x = torch.randn(4, 3, 2, dtype=torch.float64)
running_mean = torch.zeros(3, dtype=torch.float64)
running_var = torch.ones(3, dtype=torch.float64)
w = torch.ones(3, dtype=torch.float64, requires_grad=True)
b = torch.zeros(3, dtype=torch.float64, requires_grad=True)
y = F.batch_norm(x, running_mean, running_var, w, b, training=True, momentum=0.2)
print(y.grad_fn.name())
print(running_mean)
print(running_var)
y.pow(2).sum().backward()
print(w.grad)
e = F.batch_norm(x, running_mean, running_var, training=False)
print(e[0])
print(F.layer_norm(x, (2,))[0])
print(F.group_norm(x, 3).shape)
try:
    F.batch_norm(torch.randn(1, 3), None, None, training=True)
except ValueError as err:
    print("ValueError:", err)
