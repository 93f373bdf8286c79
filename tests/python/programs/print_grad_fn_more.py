import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
for y in (x - 1, x / 2, x ** 2, -x, x.relu(), x.sigmoid(), x.tanh(), x.exp(), x.log(), x.sqrt(), x.abs(), x.mean(), x.sum(), x @ x, x.unsqueeze(0), x.view(2, 1), x.clone()):
    print(y.grad_fn.name())
