import torch

print(torch.arange(1001))
print(torch.arange(2000.) / 7)
print(torch.ones(40, 40))
print(torch.arange(3000).reshape(30, 100))
print(torch.zeros(5, 300, dtype=torch.bool))
torch.set_printoptions(threshold=5, edgeitems=2)
print(torch.arange(10.))
print(torch.arange(12).reshape(3, 4))
torch.set_printoptions(profile="default")
print(torch.linspace(-1, 1, 1500).reshape(3, 500))
