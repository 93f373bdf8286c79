import torch
from torch.optim.lr_scheduler import ReduceLROnPlateau

opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=1.0)
s = ReduceLROnPlateau(opt, patience=1, factor=0.5, verbose=True, cooldown=1)
print(hasattr(s, "get_last_lr"), s.state_dict())
for m in [1, 1, 1, 1, 0.5, 0.6, 0.7, 0.8]:
    s.step(m)
    print(opt.param_groups[0]["lr"], s.num_bad_epochs, s.cooldown_counter, s.best)
print(s._last_lr)
opt2 = torch.optim.Adam([torch.zeros(1, requires_grad=True)], lr=0.1)
s2 = ReduceLROnPlateau(opt2, mode="max", threshold=0.1, threshold_mode="abs", patience=0, min_lr=0.02)
for accuracy in [0.5, 0.55, 0.7, 0.71, 0.72, 0.73]:
    s2.step(torch.tensor(accuracy))
    print(round(opt2.param_groups[0]["lr"], 6), end=" ")
print()
for bad in [lambda: ReduceLROnPlateau(opt, factor=1.0), lambda: ReduceLROnPlateau(opt, mode="x"),
            lambda: ReduceLROnPlateau(opt, threshold_mode="x"), lambda: ReduceLROnPlateau(object()),
            lambda: ReduceLROnPlateau(opt, min_lr=[0, 1])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
