import torch
print(bool(torch.tensor([1.0])), float(torch.tensor(2.5)), int(torch.tensor(3.9)))
print(bool(torch.tensor(0.0)))
if torch.tensor(2.0) > 1:
    print("yes")
