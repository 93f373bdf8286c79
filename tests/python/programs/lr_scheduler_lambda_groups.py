import torch
a = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([{"params": [a]}, {"params": [b], "lr": 1.0}], lr=0.1)
sched = torch.optim.lr_scheduler.LambdaLR(opt, [lambda e: 1 / (e + 1), lambda e: 0.5 ** e])
for _ in range(4):
    opt.step()
    sched.step()
    print(sched.last_epoch, sched.get_last_lr())
try:
    torch.optim.lr_scheduler.LambdaLR(opt, [lambda e: 1.0])
except ValueError as e:
    print(e)
try:
    torch.optim.lr_scheduler.StepLR("not an optimizer", 2)
except TypeError as e:
    print(e)
