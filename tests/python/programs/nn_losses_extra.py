import torch
import torch.nn.functional as F

a = torch.tensor([[0.5, -1.0, 2.0], [0.0, 3.0, -0.25]], requires_grad=True)
b = torch.tensor([[0.0, 0.0, 1.0], [1.0, 0.5, 0.0]])
l1 = F.smooth_l1_loss(a, b, beta=0.5)
l2 = F.huber_loss(a, b, reduction="sum", delta=2.0)
l3 = F.kl_div(F.log_softmax(a, dim=1), F.softmax(b, dim=1), reduction="batchmean")
print(l1, l2, l3)
(l1 + l2 + l3).backward()
print(a.grad)
print(F.smooth_l1_loss(a, b, reduction="none"))
print(F.adaptive_avg_pool2d(torch.arange(16.0).reshape(1, 1, 4, 4), (2, None)))
print(F.adaptive_max_pool2d(torch.arange(16.0).reshape(1, 1, 4, 4), 2, return_indices=True))
