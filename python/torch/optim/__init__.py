"""torch.optim: SGD, Adam, AdamW, RMSprop and Adagrad with PyTorch 1.13's
update rules, parameter groups, state_dict and repr; lr_scheduler."""
from .optimizer import Optimizer
from .sgd import SGD
from .adam import Adam, AdamW
from .rmsprop import RMSprop
from .adagrad import Adagrad
from . import lr_scheduler
