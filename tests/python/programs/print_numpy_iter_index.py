import torch
a = torch.tensor([[1.0, 2.0], [3.0, 4.0]]).numpy()
for row in a:
    print(row)
print(a[1])
print(a[0][1])
