import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.BatchNorm2d(6), nn.ReLU(), nn.MaxPool2d(2),
                                      nn.Conv2d(6, 16, 5), nn.ReLU(), nn.AvgPool2d(2))
        self.blocks = nn.ModuleList([nn.Linear(16, 16), nn.GELU(), nn.SiLU()])
        self.heads = nn.ModuleDict({"cls": nn.Linear(16, 10), "drop": nn.Dropout(0.25)})
        self.norm = nn.LayerNorm(16)
        self.scale = nn.Parameter(torch.ones(1))


print(Net())
print(nn.Conv1d(3, 8, 3, stride=2, padding=1, dilation=2, groups=1, bias=False))
print(nn.Conv2d(4, 8, (3, 5), stride=(2, 1), padding="same" if False else (1, 2), groups=2, padding_mode="reflect"))
print(nn.Conv2d(2, 2, 3, padding="same"), nn.Conv2d(2, 2, 3, padding="valid"))
print(nn.ConvTranspose2d(6, 3, 4, stride=2, padding=1, output_padding=1))
print(nn.MaxPool2d(3, stride=2, padding=1, ceil_mode=True), nn.AvgPool2d((2, 2)), nn.AdaptiveAvgPool2d((1, 1)))
print(nn.BatchNorm1d(4, momentum=None, affine=False), nn.BatchNorm2d(3, eps=1e-3, track_running_stats=False))
print(nn.GroupNorm(2, 6), nn.LayerNorm([3, 4], elementwise_affine=False))
print(nn.Embedding(10, 3, padding_idx=-1), nn.Flatten(), nn.Unflatten(1, (2, 5)), nn.Identity(), nn.Softmax(dim=1),
      nn.LogSoftmax(dim=-1), nn.Dropout2d(), nn.SiLU())
print([n for n, _ in Net().named_parameters()])
for bad in [lambda: nn.Conv2d(3, 4, 3, groups=2), lambda: nn.Conv2d(4, 3, 3, groups=2),
            lambda: nn.Conv2d(2, 2, 3, stride=2, padding="same"), lambda: nn.GroupNorm(4, 6)]:
    try:
        bad()
    except ValueError as e:
        print(e)
