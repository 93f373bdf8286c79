"""Gradlab's own additions for Python mode, beside the `torch` package:
`datasets` (MNIST digits to train on offline)."""
from . import datasets  # noqa: F401
