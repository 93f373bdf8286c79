import torch
import torch.nn as nn

class Bad(nn.Module):
    def __init__(self):
        self.w = nn.Parameter(torch.ones(1))
        super().__init__()

Bad()
