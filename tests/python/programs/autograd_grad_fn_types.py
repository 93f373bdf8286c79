import torch
x = torch.ones(2, requires_grad=True)
y = (x * 2).sum()
print(type(y.grad_fn).__name__, type(y.grad_fn.next_functions[0][0]).__name__)
acc = y.grad_fn.next_functions[0][0].next_functions[0][0]
print(type(acc).__name__, acc.name(), acc.variable is x)
print(type(y.grad_fn) is type((x * 3).sum().grad_fn), type(y.grad_fn) is type(x.exp().grad_fn))
print(y.grad_fn.name(), isinstance(y.grad_fn, type(x.sum().grad_fn)))
