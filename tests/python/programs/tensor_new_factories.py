import torch
x = torch.ones(2, 3, dtype=torch.float64)
print(x.new_zeros(2), x.new_zeros((2, 2)), x.new_ones(1, 2), x.new_full((2,), 3), x.new_tensor([1, 2]))
print(x.new_empty(2, 0).shape, x.new_zeros(2, dtype=torch.int64), x.new_ones(2, requires_grad=True))
i = torch.arange(3)
print(i.new_tensor([1.5, 2.5]), i.new_full((2,), 7), torch.full_like(i, 2, dtype=torch.float64), torch.full_like(x, 4))
print(torch.zeros_like(i, dtype=torch.float32), torch.ones_like(x, dtype=torch.int64))
