import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(4, 3, requires_grad=True)
target = torch.tensor([0, 2, 1, -100])
weight = torch.tensor([1.0, 2.0, 0.5])

loss = F.cross_entropy(logits, target, weight=weight, ignore_index=-100, label_smoothing=0.1)
print(loss)
loss.backward()
print(logits.grad)

criterion = nn.CrossEntropyLoss(weight=weight, reduction="sum")
print(criterion(logits, torch.tensor([0, 2, 1, 1])))

nll = nn.NLLLoss(ignore_index=1)
print(nll(F.log_softmax(logits, dim=1), torch.tensor([0, 1, 1, 2])))

images = torch.randn(2, 3, 2, 2)
labels = torch.tensor([[[0, 1], [2, 0]], [[1, 1], [2, 2]]])
print(F.cross_entropy(images, labels))
print(F.nll_loss(F.log_softmax(images, dim=1), labels, reduction="none"))
