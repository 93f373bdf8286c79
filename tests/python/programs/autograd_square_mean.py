import torch
x = torch.tensor([1., 2., 3.], requires_grad=True)
loss = (x ** 2).mean()
loss.backward()
print(loss)
print(x.grad)
