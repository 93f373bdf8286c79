import torch

x = torch.tensor([1., 2., 3.], requires_grad=True)
y = x * 2
z = y ** 2
y[0] += 1
print(y)
try:
    z.sum().backward()
except RuntimeError as e:
    # The engine names the node CopySlices where PyTorch says torch::autograd::CopySlices.
    print(str(e).split(", which is")[0])
    print(str(e).split("is at version")[1])
