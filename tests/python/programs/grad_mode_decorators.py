import torch


@torch.no_grad()
def predict(model_w, x):
    """Runs without building a graph."""
    return model_w * x


@torch.enable_grad()
def inner(w):
    return w * 2


w = torch.ones(2, requires_grad=True)
out = predict(w, torch.tensor([3., 4.]))
print(out, out.requires_grad, predict.__name__, predict.__doc__)
with torch.no_grad():
    r = inner(w)
print(r.requires_grad, r.grad_fn is not None, torch.is_grad_enabled())


@torch.no_grad()
def fails():
    raise ValueError("inside no_grad")


try:
    fails()
except ValueError as e:
    print(e, torch.is_grad_enabled())
