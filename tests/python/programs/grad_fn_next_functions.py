import torch
x = torch.tensor([1.0], requires_grad=True)
y = x * 2 + 1
fn = y.grad_fn
print(fn.name())
print([type(f).__name__ if f is None else f.name() for f, _ in fn.next_functions])
leaf = fn.next_functions[0][0].next_functions[0][0]
print(leaf.name(), leaf.variable is x or torch.equal(leaf.variable, x))
