import torch

x = torch.ones(2, requires_grad=True)
y = x * 2
z = y.sum()
print(y.grad_fn is y.grad_fn, y.grad_fn == y.grad_fn)
print(z.grad_fn.next_functions[0][0] is y.grad_fn)
acc = y.grad_fn.next_functions[0][0]
print(acc is y.grad_fn.next_functions[0][0])
print(x.grad_fn is None, len({y.grad_fn, y.grad_fn, z.grad_fn}))
node = y.grad_fn
del y
print(z.grad_fn.next_functions[0][0] is node, node.name())
# AccumulateGrad's variable is the leaf itself, however it came to require grad.
print(acc.variable is x)
p = torch.nn.Parameter(torch.ones(2))
v = torch.autograd.Variable(torch.ones(2), requires_grad=True)
w = torch.zeros(2).requires_grad_()
for leaf in (p, v, w):
    print((leaf * 2).grad_fn.next_functions[0][0].variable is leaf)
