import torch

w = torch.ones(3, requires_grad=True)
try:
    w[0] += 1
except RuntimeError as e:
    print("RuntimeError:", e)
with torch.no_grad():
    w[0] += 1
print(w)
w.view(3)[1] = 5
