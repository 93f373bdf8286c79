import torch
x = torch.tensor(2.34567)
print(f"{x:.2f}")
print("{:.3f}".format(torch.tensor(1.0)))
print(f"{x}")
