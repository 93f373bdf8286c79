import torch
def run(opt, w, n):
    for _ in range(n):
        opt.zero_grad()
        ((w - 1) ** 2 * w).sum().backward()
        opt.step()
w = torch.tensor([0.3, -0.7, 1.2], requires_grad=True)
opt = torch.optim.Adam([w], lr=0.1, betas=(0.8, 0.9))
run(opt, w, 3)
w2 = w.detach().clone().requires_grad_()
opt2 = torch.optim.Adam([w2], lr=1.0)
opt2.load_state_dict(opt.state_dict())
print(opt2.param_groups[0]["lr"], opt2.param_groups[0]["betas"])
print(opt2.state[w2]["exp_avg"] is opt.state[w]["exp_avg"])
run(opt, w, 3)
run(opt2, w2, 3)
print(w)
print(w2)
print(torch.equal(w, w2))
