import torch
import torch.nn as nn
lin = nn.Linear(3, 2)
lin(torch.ones(4, 5))
