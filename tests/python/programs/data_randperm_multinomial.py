import torch
torch.manual_seed(0)
print(torch.randperm(10))
print(torch.randperm(5, dtype=torch.float32))
print(torch.randperm(0))
torch.manual_seed(1)
p = torch.tensor([0.1, 0.2, 0.3, 0.4])
print(torch.multinomial(p, 8, replacement=True))
print(torch.multinomial(p, 3))
print(p.multinomial(1))
print(torch.multinomial(torch.tensor([[0.5, 0.5, 0.0], [0.0, 0.2, 0.8]], dtype=torch.float64), 4, True))
print(torch.rand(2))
for bad in [lambda: torch.multinomial(p, 5), lambda: torch.multinomial(torch.tensor([1, 2]), 1),
            lambda: torch.multinomial(torch.tensor([-1.0, 2.0]), 1), lambda: torch.randperm(-2)]:
    try:
        bad()
    except RuntimeError as e:
        print(e)
