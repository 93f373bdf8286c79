import torch
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(2, 3), torch.nn.Tanh(), torch.nn.Linear(3, 1))
opt = torch.optim.SGD([{"params": model[0].parameters()}, {"params": model[2].parameters(), "lr": 0.5}],
                      lr=0.1, momentum=0.9)
print(opt)
x = torch.tensor([[1.0, 2.0], [-1.0, 0.5]])
for _ in range(3):
    opt.zero_grad()
    model(x).pow(2).sum().backward()
    opt.step()
print(model[2].weight)
sd = opt.state_dict()
print([g["params"] for g in sd["param_groups"]], [g["lr"] for g in sd["param_groups"]])
opt2 = torch.optim.SGD(model.parameters(), lr=1.0)
try:
    opt2.load_state_dict(sd)
except ValueError as e:
    print(e)
try:
    torch.optim.SGD([{"params": [model[0].weight]}, {"params": [model[0].weight]}], lr=0.1)
except ValueError as e:
    print(e)
