import torch
import torch.nn.functional as F

torch.manual_seed(3)
x = torch.ones(2, 6)
print(F.dropout(x, p=0.3))
print(F.dropout(x, 0.3, training=False))
torch.manual_seed(4)
print(F.dropout2d(torch.ones(2, 4, 1, 2), p=0.5))
t = torch.arange(6.0).reshape(1, 2, 3)
print(F.pad(t, (2, 1), mode="reflect"))
print(F.pad(t, (1, 2), mode="replicate"))
print(F.pad(t, (1, 1), mode="circular"))
print(F.pad(t, (1, 0, 0, 1), value=-1.0))
table = torch.arange(8.0).reshape(4, 2).requires_grad_()
e = F.embedding(torch.tensor([[0, 3], [3, 1]]), table, padding_idx=3)
print(e)
e.sum().backward()
print(table.grad)
print(F.one_hot(torch.tensor([2, 0]), num_classes=4))
print(F.cosine_similarity(torch.tensor([[1.0, 2.0], [3.0, 4.0]]), torch.tensor([[2.0, 1.0], [0.0, 1.0]])))
try:
    F.pad(t, (1, 1), mode="wrap")
except NotImplementedError as err:
    print("NotImplementedError:", err)
try:
    F.dropout(x, p=1.5)
except ValueError as err:
    print("ValueError:", err)
