import torch
w = torch.tensor([1.0], requires_grad=True)

def evaluate():
    with torch.no_grad():
        return (w * 2).requires_grad

print(evaluate(), (w * 2).requires_grad)
