import torch
from torch.optim import lr_scheduler
def sequence(make, n=12):
    w = torch.zeros(2, requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.1)
    sched = make(opt)
    lrs = [sched.get_last_lr()[0]]
    for _ in range(n):
        opt.step()
        sched.step()
        lrs.append(sched.get_last_lr()[0])
    return lrs
print(sequence(lambda o: lr_scheduler.StepLR(o, step_size=3, gamma=0.5)))
print(sequence(lambda o: lr_scheduler.StepLR(o, 2)))
print(sequence(lambda o: lr_scheduler.MultiStepLR(o, milestones=[2, 5, 5, 9], gamma=0.3)))
print(sequence(lambda o: lr_scheduler.ExponentialLR(o, gamma=0.9)))
print(sequence(lambda o: lr_scheduler.LambdaLR(o, lr_lambda=lambda epoch: 0.95 ** epoch)))
print([round(lr, 12) for lr in sequence(lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=5))])
print([round(lr, 12) for lr in sequence(lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=4, eta_min=0.01))])
