import torch

# .grad is one object while autograd keeps the same gradient tensor.
x = torch.ones(2, requires_grad=True)
z = (x * 2).sum()
print(x.grad is None)
z.backward(retain_graph=True)
g = x.grad
print(x.grad is x.grad, x.grad is g)
z.backward(retain_graph=True)
print(x.grad is g, g)
x.grad.zero_()
print(x.grad is g)
x.grad = None
print(x.grad)
w = torch.zeros(2)
x.grad = w
print(x.grad is w)
w += 1
print(x.grad)
del x.grad
print(x.grad)
# A new graph's gradient is a new tensor: create_graph does not accumulate in place.
z.backward(create_graph=True)
first = x.grad
z.backward(create_graph=True)
print(x.grad is first, x.grad, first)
