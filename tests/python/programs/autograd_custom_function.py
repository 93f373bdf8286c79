import torch
from torch.autograd import Function
from torch.autograd.function import once_differentiable


class LegendrePolynomial3(Function):
    @staticmethod
    def forward(ctx, input):
        ctx.save_for_backward(input)
        return 0.5 * (5 * input ** 3 - 3 * input)

    @staticmethod
    def backward(ctx, grad_output):
        input, = ctx.saved_tensors
        return grad_output * 1.5 * (5 * input ** 2 - 1)


x = torch.linspace(-1, 1, 5, requires_grad=True)
y = LegendrePolynomial3.apply(x)
print(y, type(y.grad_fn).__name__, y.grad_fn.name(), y.is_leaf, y.requires_grad)
print(y.grad_fn.next_functions[0][0].variable is x)
y.sum().backward()
print(x.grad)
try:
    y.sum().backward()
except RuntimeError as e:
    print("RuntimeError:", str(e)[:60])


class ScaledSplit(Function):
    @staticmethod
    def forward(ctx, a, scale, b):
        ctx.scale = scale
        ctx.needs = ctx.needs_input_grad
        return a * scale, a + b

    @staticmethod
    @once_differentiable
    def backward(ctx, g1, g2):
        return g1 * ctx.scale + g2, None, g2


a = torch.tensor([1.0, -2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0])
p, q = ScaledSplit.apply(a, 3.0, b)
print(p, q, p.grad_fn is q.grad_fn, p.grad_fn.name())
(p * 2).sum().backward(retain_graph=True)
print(a.grad)
q.sum().backward()
print(a.grad, b.grad)

with torch.no_grad():
    print(LegendrePolynomial3.apply(x).requires_grad)
print(LegendrePolynomial3.apply(torch.ones(2)).grad_fn)


class WrongCount(Function):
    @staticmethod
    def forward(ctx, t, k):
        return t * k

    @staticmethod
    def backward(ctx, g):
        return g


class GradForNumber(Function):
    @staticmethod
    def forward(ctx, t, k):
        return t * k

    @staticmethod
    def backward(ctx, g):
        return g, g


class Raises(Function):
    @staticmethod
    def forward(ctx, t):
        return t.clone()

    @staticmethod
    def backward(ctx, g):
        raise ValueError("from backward")


for f in [lambda: WrongCount.apply(a, 2.0).sum().backward(), lambda: GradForNumber.apply(a, 2.0).sum().backward(),
          lambda: Raises.apply(a).sum().backward()]:
    try:
        f()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
z = torch.tensor([0.5], requires_grad=True)
w = LegendrePolynomial3.apply(z)
g, = torch.autograd.grad(w, z, create_graph=True)
print(g, g.requires_grad)
g.backward()
print(z.grad)


class SavesOutput(Function):
    @staticmethod
    def forward(ctx, t):
        out = t.exp()
        ctx.save_for_backward(None, out, t)
        return out

    @staticmethod
    def backward(ctx, g):
        none, out, t = ctx.saved_tensors
        return g * out + 0 * t


u = torch.tensor([0.0, 1.0], requires_grad=True)
v = u * 1
e = SavesOutput.apply(v)
e.sum().backward(retain_graph=True)
print(u.grad)
with torch.no_grad():
    v.add_(1)
try:
    e.sum().backward()
except RuntimeError as err:
    print("RuntimeError:", err)
del e, v, w, g, y, p, q
import gc
gc.collect()
print(torch.autograd.Function.__name__, torch.autograd.function.FunctionCtx.__name__)
