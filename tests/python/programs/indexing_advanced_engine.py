# Advanced indexing through the engine (aten::index / index_put_): node names, placement of the
# indexed dims, masks, casting of set values, errors; index_put(_), nonzero, where.
import torch
a = torch.ones(2, 3, requires_grad=True)
x = a.clone(); x[x > 0.5] = 0; print(x.grad_fn.name())
x = a.clone(); x[torch.tensor([True, False])] = 0; print(x.grad_fn.name())
x = a.clone(); x[torch.tensor([0, 1])] = torch.tensor(2.); print(x.grad_fn.name())
x = a.clone(); x[:, torch.tensor([0, 1])] = 5; print(x.grad_fn.name(), a.clone()[:, [0, 1]].grad_fn.name())
x = a.clone(); x[0, [0, 1]] = 7; print(x.grad_fn.name(), x)
try:
    x = torch.zeros(3); x[[0, 2]] = torch.tensor([1, 2])
except RuntimeError as e:
    print("RuntimeError", e)
x = torch.zeros(3, dtype=torch.long); x[[0, 2]] = 1.7; print(x)
x = torch.zeros(3); x[[0, 2]] = True; print(x)
x = a.clone(); v = x[0]; v[[0, 1]] = 1; print(x.grad_fn.name(), v.grad_fn.name())
y = a[[0, 1]]; print(y.grad_fn.name(), a[0][[1]].grad_fn.name(), a[[True, False]].grad_fn.name(), a[torch.tensor(1)].grad_fn.name(), a[[0]][0].grad_fn.name())
print(a[..., [0, 1]].grad_fn.name(), a[:, [0, 1]].grad_fn.name(), a[None, [0]].grad_fn.name(), a[[0], None].shape)
x = a.clone(); x[..., [0, 1]] = 3; print(x.grad_fn.name())
x = a.clone(); x[[0]] = a[[1]]; print(x.grad_fn.name())
z = torch.arange(24.).reshape(2, 3, 4)
print(z[:, [[0, 1], [1, 0]], [2, -1]], z[[[0, 1], [1, 0]], :, [2, -1]].shape, z[0, :, [1, 2]].shape, z[..., [0, 3]].shape)
print(z[z > 20], z[torch.tensor([[True, False, True], [False, True, False]])])
probs = torch.softmax(torch.randn(4, 3, requires_grad=True), 1)
picked = probs[range(4), torch.tensor([0, 2, 1, 1])]
print(picked.shape, picked.grad_fn.name())
picked.sum().backward()
for bad in [lambda: z[torch.tensor([5])], lambda: z[torch.tensor([0.5])], lambda: z[[0, 1], [0, 1, 2]],
            lambda: z[torch.ones(2, 2, dtype=torch.bool)], lambda: z[0, 0, 0, [0]], lambda: z[[0.5]]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
w = torch.zeros(3)
w.index_put_((torch.tensor([0, 0, 2]),), torch.tensor([1., 2., 3.]), accumulate=True)
print(w, torch.index_put(w, (torch.tensor([1]),), torch.tensor(9.)), w.nonzero(), torch.nonzero(w, as_tuple=True))
m = torch.tensor([[1, 0], [0, 3]])
print(torch.where(m > 0), m[torch.where(m > 0)])
