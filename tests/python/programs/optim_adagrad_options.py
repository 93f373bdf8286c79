import torch
w = torch.tensor([[1.0, -2.0], [0.5, 3.0]], requires_grad=True)
opt = torch.optim.Adagrad([w], lr=0.1, lr_decay=0.05, weight_decay=0.1, initial_accumulator_value=0.5)
print(opt.state[w])
for _ in range(4):
    opt.zero_grad()
    (w ** 3).mean().backward()
    opt.step()
print(w)
print(opt.state[w]["sum"])
print(opt.state_dict()["state"][0]["step"])
print(opt)
try:
    torch.optim.Adagrad([w], lr_decay=-1)
except ValueError as e:
    print(e)
