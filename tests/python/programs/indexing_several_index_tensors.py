import torch
t = torch.arange(24.).reshape(2, 3, 4).requires_grad_()
v = t.detach()
rows, cols = torch.tensor([0, 1, 1]), torch.tensor([2, 0, 3])
print(v[0, rows, cols])
print(v[[0, 1], [1, 2]], v[:, [0, 2], [1, 3]], v[[0, 1], :, [0, 3]], v[[[0], [1]], [0, 2]].shape)
print(t[..., [0, 1], [1, 2]].shape, t[torch.tensor([1]), 1:, torch.tensor([[0, 1], [2, 3]])].shape)
m = torch.tensor([[0, 1], [2, 0]])
print(m[torch.where(m > 0)], m[range(2), [1, 0]])
logp = torch.log_softmax(torch.tensor([[1.0, 2.0, 0.5], [0.1, 0.2, 3.0]], requires_grad=True), dim=1)
y = torch.tensor([1, 2])
loss = -logp[range(2), y].mean()
loss.backward()
print(loss)
s = t[[0, 1, 1], [2, 0, 2], [1, 1, 1]].sum()
s.backward()
print(t.grad[1])
for bad in [lambda: t[[0, 1], [0, 1, 2]], lambda: t[[0, 5], [0, 1]], lambda: t[[0], [0], [0], [0]]]:
    try:
        bad()
    except IndexError as e:
        print("IndexError:", e)
z = torch.zeros(2, 3, 4)
z[[0, 1], [1, 2]] = torch.tensor([1.0, 2.0, 3.0, 4.0])
z[:, [0, 2], [3, 0]] = 7.0
z[[1, 1], :, [0, 1]] = torch.arange(6.).reshape(2, 3)
print(z)
w = torch.ones(3, 3, requires_grad=True)
u = w * 1
u[range(3), range(3)] = torch.tensor([5.0, 6.0, 7.0], requires_grad=True)
u.sum().backward()
print(u.detach(), w.grad)
