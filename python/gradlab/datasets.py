"""Data sets to train on offline, in Python mode.

    from gradlab import datasets
    images, labels = datasets.mnist(train=True, limit=1000)

`mnist` returns 10,000 MNIST handwritten digits split once and for all: the
training split is the first 8,000 of the package's file (a fixed shuffled
order), the test split the last 2,000; `limit` takes the first `limit`
digits of a split. images is (N, 1, 28, 28) float32 in [0, 1] (what
torchvision's ToTensor gives), labels (N,) int64. The same digits as the
JavaScript package's `datasets.mnist`.

The digits are a file of their own that the runner loads before a program
whose text mentions `mnist` starts (a Python program cannot wait for a
download), so nothing is fetched for programs that do not use them.
"""
import collections
import numbers

import torch
from torch._tensor import adopt

import _gradlab_engine as _bridge

MNIST = collections.namedtuple("MNIST", ["images", "labels"])


def mnist(train=True, limit=None):
    """(images, labels) of the MNIST training split (train=True, 8,000 digits) or
    the test split (train=False, 2,000), at most `limit` of them."""
    if not isinstance(train, bool):
        raise TypeError(f"mnist(): argument 'train' must be bool, not {type(train).__name__}")
    if limit is not None:
        if isinstance(limit, bool) or not isinstance(limit, numbers.Integral):
            raise TypeError(f"mnist(): argument 'limit' must be int or None, not {type(limit).__name__}")
        if limit < 0:
            raise ValueError(f"mnist(): limit must be non-negative, but got {limit}")
    handles = _bridge.mnist(train, None if limit is None else int(limit))
    if handles is None:
        reason = _bridge.mnistError()
        raise RuntimeError("MNIST digits are not loaded: the runner loads them before a program whose text mentions "
                           "'mnist' starts" + (f" (loading failed: {reason})" if reason else ""))
    images_handle, labels_handle = handles
    images = adopt(images_handle)
    return MNIST(images, adopt(labels_handle))
