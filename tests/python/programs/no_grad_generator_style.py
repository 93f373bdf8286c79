import torch

class Counter:
    @torch.no_grad()
    def step(self, w):
        return (w * 2).requires_grad

    @torch.enable_grad()
    def grad_step(self, w):
        return (w * 2).requires_grad

w = torch.ones(1, requires_grad=True)
c = Counter()
print(c.step(w), c.grad_step(w))
with torch.no_grad():
    print(c.grad_step(w))
