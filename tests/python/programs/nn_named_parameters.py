import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(3, 4)
        self.fc2 = nn.Linear(4, 2, bias=False)

for name, p in Net().named_parameters():
    print(name, p.shape, p.requires_grad)
