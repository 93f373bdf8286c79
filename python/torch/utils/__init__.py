"""torch.utils: the data package."""
from . import data
