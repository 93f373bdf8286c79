"""Gradlab's own additions for Python mode, beside the `torch` package:
`datasets` (MNIST digits to train on offline) and `plot` (a line chart in
the playground's Output)."""
from . import datasets  # noqa: F401
from .plot import plot  # noqa: F401
