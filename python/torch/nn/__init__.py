"""torch.nn: Module (attribute registration, repr, state_dict) and the
modules, activations and losses the engine implements."""
from . import functional
from .modules import (BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, Dropout, ELU, Flatten, GELU, Identity, L1Loss,
                      LeakyReLU, Linear, LogSoftmax, Module, ModuleList, MSELoss, NLLLoss, ReLU, Sequential, Sigmoid,
                      Softmax, Softplus, Tanh)
from .parameter import Parameter
from . import init
