#!/usr/bin/python3
"""Writes tests/fixtures/nn_ops.json: convolution and pooling cases computed by
real PyTorch 1.13 — outputs, input gradients, grad_fn names — and the error
text PyTorch gives for bad arguments.

Run with the interpreter that has torch: /usr/bin/python3 tests/oracle/gen_nn_ops.py

Format: {"cases": [{name, op, inputs: [tensor], kwargs, output: tensor or
[tensor], grad_fn, grad_output, grads: [tensor or null]}], "errors": [{name,
op, inputs, kwargs, message}]}. A tensor is {shape, dtype, data,
requires_grad}. kwargs use PyTorch's keyword names; an int-or-tuple argument
is always written as a list; "bias": true means inputs[2] is the bias. The
loss replayed is sum(output[0] * grad_output).
"""
import json
import os

import torch
import torch.nn.functional as F

torch.manual_seed(0)
GEN = torch.Generator().manual_seed(1515)
CASES = []
ERRORS = []


def encode(t, requires_grad=False):
    t = t.detach()
    vals = t.reshape(-1).tolist()
    if t.dtype.is_floating_point:
        vals = [v if v == v and abs(v) != float("inf") else ("nan" if v != v else ("inf" if v > 0 else "-inf"))
                for v in vals]
    return {"shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", ""), "data": vals,
            "requires_grad": requires_grad}


def rnd(*shape, dtype=torch.float64):
    # Values rounded to 4 decimals so the JSON holds them exactly enough; ties are unlikely.
    return (torch.rand(tuple(shape), generator=GEN, dtype=torch.float64) * 4 - 2).mul(1e4).round().div(1e4).to(dtype)


def listed(v):
    return list(v) if isinstance(v, (tuple, list)) else [v]


def call(op, inputs, kwargs):
    kw = dict(kwargs)
    if op in ("conv1d", "conv2d"):
        fn = F.conv1d if op == "conv1d" else F.conv2d
        bias = inputs[2] if kw.pop("bias", False) else None
        return fn(inputs[0], inputs[1], bias, **kw)
    if op == "max_pool2d":
        return F.max_pool2d(inputs[0], **kw)
    if op == "avg_pool2d":
        return F.avg_pool2d(inputs[0], **kw)
    if op == "conv_transpose2d":
        bias = inputs[2] if kw.pop("bias", False) else None
        return F.conv_transpose2d(inputs[0], inputs[1], bias, **kw)
    if op == "pad":
        return F.pad(inputs[0], **kw)
    if op == "batch_norm":
        rest = list(inputs[1:])
        rm, rv = (rest.pop(0), rest.pop(0)) if kw.pop("running", False) else (None, None)
        w, b = (rest[0], rest[1]) if kw.pop("affine", False) else (None, None)
        y = F.batch_norm(inputs[0], rm, rv, w, b, **kw)
        return (y, rm, rv) if rm is not None else y
    if op in ("layer_norm", "group_norm"):
        w, b = (inputs[1], inputs[2]) if kw.pop("affine", False) else (None, None)
        return getattr(F, op)(inputs[0], weight=w, bias=b, **kw)
    if op == "embedding":
        return F.embedding(inputs[1], inputs[0], **kw)
    if op == "one_hot":
        return F.one_hot(inputs[0], **kw)
    if op == "cumsum":
        return torch.cumsum(inputs[0], **kw)
    if op in ("cumprod", "flip", "prod"):
        return getattr(torch, op)(inputs[0], **kw)
    if op in ("max_pool1d", "avg_pool1d", "adaptive_avg_pool2d", "adaptive_max_pool2d"):
        return getattr(F, op)(inputs[0], **kw)
    if op in ("smooth_l1_loss", "huber_loss", "kl_div"):
        return getattr(F, op)(inputs[0], inputs[1], **kw)
    if op == "bincount":
        return torch.bincount(inputs[0], inputs[1] if len(inputs) > 1 else None, **kw)
    if op in ("sort", "argsort", "topk"):
        return getattr(torch, op)(inputs[0], **kw)
    if op in ("dropout", "dropout2d"):
        return getattr(F, op)(inputs[0], **kw)
    if op == "cosine_similarity":
        return F.cosine_similarity(inputs[0], inputs[1], **kw)
    raise ValueError(op)


def json_kwargs(kwargs):
    return {k: (listed(v) if k in ("stride", "padding", "dilation", "kernel_size", "output_size", "output_padding") and not isinstance(v, str) else v)
            for k, v in kwargs.items()}


def case(name, op, inputs, no_grad=(), seed=None, **kwargs):
    leaves = [t.clone().requires_grad_(t.dtype.is_floating_point and i not in no_grad) for i, t in enumerate(inputs)]
    # Encoded before the call: batch_norm updates its running statistics in place.
    encoded = [encode(t, t.requires_grad) for t in leaves]
    if seed is not None:
        torch.manual_seed(seed)  # dropout draws its mask from the global generator
    out = call(op, leaves, kwargs)
    outs = list(out) if isinstance(out, tuple) else [out]
    entry = {"name": name, "op": op, "inputs": encoded,
             "kwargs": json_kwargs(kwargs), "output": [encode(o) for o in outs],
             "grad_fn": type(outs[0].grad_fn).__name__ if outs[0].grad_fn is not None else None}
    if seed is not None:
        entry["seed"] = seed
    if outs[0].requires_grad:
        go = rnd(*outs[0].shape, dtype=outs[0].dtype)
        needed = [t for t in leaves if t.requires_grad]
        found = iter(torch.autograd.grad((outs[0] * go).sum(), needed, allow_unused=True))
        grads = [next(found) if t.requires_grad else None for t in leaves]
        entry["grad_output"] = encode(go)
        entry["grads"] = [encode(g) if g is not None else None for g in grads]
    CASES.append(entry)


def error(name, op, inputs, **kwargs):
    try:
        torch.manual_seed(0)
        call(op, inputs, kwargs)
    except (RuntimeError, IndexError, ValueError, AssertionError, NotImplementedError) as e:
        ERRORS.append({"name": name, "op": op, "inputs": [encode(t, t.requires_grad) for t in inputs],
                       "type": type(e).__name__,
                       "kwargs": json_kwargs(kwargs),
                       "message": str(e).split("\n")[0]})
        return
    raise AssertionError(f"{name}: PyTorch accepted it")


# conv2d: the LeNet shapes, then every argument.
case("conv2d lenet-1", "conv2d", [rnd(2, 1, 12, 12), rnd(6, 1, 5, 5), rnd(6)], bias=True)
case("conv2d float32", "conv2d", [rnd(2, 3, 7, 6, dtype=torch.float32), rnd(4, 3, 3, 3, dtype=torch.float32),
                                  rnd(4, dtype=torch.float32)], bias=True, padding=1)
case("conv2d no bias", "conv2d", [rnd(1, 2, 5, 5), rnd(3, 2, 3, 3)])
case("conv2d stride", "conv2d", [rnd(2, 2, 7, 8), rnd(3, 2, 3, 2), rnd(3)], bias=True, stride=[2, 3])
case("conv2d padding", "conv2d", [rnd(1, 2, 5, 4), rnd(2, 2, 3, 3)], padding=[2, 1])
case("conv2d dilation", "conv2d", [rnd(1, 2, 8, 7), rnd(2, 2, 3, 2), rnd(2)], bias=True, dilation=[2, 3])
case("conv2d groups", "conv2d", [rnd(2, 4, 5, 5), rnd(6, 2, 3, 3), rnd(6)], bias=True, groups=2)
case("conv2d depthwise", "conv2d", [rnd(1, 3, 5, 5), rnd(3, 1, 3, 3)], groups=3, padding=1, stride=2)
case("conv2d all", "conv2d", [rnd(2, 4, 9, 8), rnd(4, 2, 3, 2), rnd(4)], bias=True, stride=[2, 1], padding=[1, 2],
     dilation=[2, 1], groups=2)
case("conv2d same odd", "conv2d", [rnd(1, 2, 5, 6), rnd(3, 2, 3, 5)], padding="same")
case("conv2d same even", "conv2d", [rnd(1, 2, 5, 6), rnd(3, 2, 2, 4), rnd(3)], bias=True, padding="same")
case("conv2d same dilated", "conv2d", [rnd(1, 1, 6, 6), rnd(2, 1, 2, 3)], padding="same", dilation=[3, 2])
case("conv2d valid", "conv2d", [rnd(1, 2, 5, 6), rnd(3, 2, 3, 3)], padding="valid")
case("conv2d unbatched", "conv2d", [rnd(2, 5, 5), rnd(3, 2, 2, 2), rnd(3)], bias=True)
case("conv2d empty batch", "conv2d", [rnd(0, 2, 5, 5), rnd(3, 2, 2, 2), rnd(3)], bias=True)
case("conv2d int64", "conv2d", [torch.randint(-5, 5, (1, 2, 4, 4), generator=GEN),
                                torch.randint(-5, 5, (2, 2, 2, 2), generator=GEN)])
case("conv1d", "conv1d", [rnd(2, 3, 9), rnd(4, 3, 3), rnd(4)], bias=True, stride=[2], padding=[1])
case("conv1d groups dilation", "conv1d", [rnd(1, 4, 10), rnd(2, 2, 3)], groups=2, dilation=[3])
case("conv1d same", "conv1d", [rnd(1, 2, 7), rnd(2, 2, 4)], padding="same")
case("conv1d unbatched", "conv1d", [rnd(2, 6), rnd(3, 2, 2)])

x4 = rnd(2, 3, 8, 8)
w4 = rnd(4, 3, 3, 3)
error("conv2d 2d input", "conv2d", [rnd(3, 8), w4])
error("conv2d 5d input", "conv2d", [rnd(1, 3, 8, 8, 1), w4])
error("conv2d channels", "conv2d", [rnd(2, 2, 8, 8), w4])
error("conv2d kernel too big", "conv2d", [rnd(2, 3, 2, 2), w4])
error("conv2d kernel too big 1d", "conv1d", [rnd(2, 3, 2), rnd(4, 3, 3)])
error("conv2d stride 0", "conv2d", [x4, w4], stride=0)
error("conv2d negative padding", "conv2d", [x4, w4], padding=-1)
error("conv2d dilation 0", "conv2d", [x4, w4], dilation=0)
error("conv2d groups divisible", "conv2d", [x4, rnd(5, 1, 3, 3)], groups=3)
error("conv2d groups at least", "conv2d", [x4, rnd(2, 1, 3, 3)], groups=3)
error("conv2d groups 0", "conv2d", [x4, w4], groups=0)
error("conv2d bias size", "conv2d", [x4, w4, rnd(5)], bias=True)
error("conv2d bias 2d", "conv2d", [x4, w4, rnd(4, 1)], bias=True)
error("conv2d dtypes", "conv2d", [x4.float(), w4])
error("conv2d bias dtype", "conv2d", [x4.float(), w4.float(), rnd(4)], bias=True)
error("conv2d same strided", "conv2d", [x4, w4], padding="same", stride=2)
error("conv2d bad padding string", "conv2d", [x4, w4], padding="foo")
error("conv2d 3d weight", "conv2d", [x4, rnd(4, 3, 3)])
error("conv2d stride list", "conv2d", [x4, w4], stride=[1, 2, 3])
error("conv2d padding list", "conv2d", [x4, w4], padding=[1, 2, 3])
error("conv1d 4d input", "conv1d", [x4, rnd(4, 3, 3)])

# max_pool2d / avg_pool2d: the LeNet shape, then every argument.
case("max_pool2d lenet", "max_pool2d", [rnd(2, 3, 8, 8)], kernel_size=2)
case("max_pool2d float32", "max_pool2d", [rnd(2, 2, 7, 6, dtype=torch.float32)], kernel_size=[3, 2], stride=[2, 1])
case("max_pool2d padding", "max_pool2d", [rnd(1, 2, 5, 6)], kernel_size=3, stride=2, padding=1)
case("max_pool2d dilation", "max_pool2d", [rnd(1, 2, 9, 8)], kernel_size=[3, 2], dilation=[2, 3], stride=1)
case("max_pool2d ceil", "max_pool2d", [rnd(1, 2, 7, 8)], kernel_size=3, stride=2, ceil_mode=True)
case("max_pool2d ceil padding", "max_pool2d", [rnd(1, 1, 6, 5)], kernel_size=3, stride=2, padding=1, ceil_mode=True)
case("max_pool2d indices", "max_pool2d", [rnd(2, 2, 5, 5)], kernel_size=2, stride=[1, 2], return_indices=True)
case("max_pool2d unbatched", "max_pool2d", [rnd(3, 6, 4)], kernel_size=2, return_indices=True)
case("max_pool2d empty batch", "max_pool2d", [rnd(0, 3, 4, 4)], kernel_size=2)
case("max_pool2d overlap ties", "max_pool2d",
     [torch.tensor([[[[1., 1., 2.], [1., 3., 3.], [0., 3., 1.]]]], dtype=torch.float64)], kernel_size=2, stride=1,
     return_indices=True)
case("max_pool2d nan and -inf", "max_pool2d",
     [torch.tensor([[[[1., float("nan"), 3., float("nan")], [-float("inf")] * 4]]], dtype=torch.float64)],
     kernel_size=[1, 2], padding=[0, 1], return_indices=True)
case("avg_pool2d lenet", "avg_pool2d", [rnd(2, 3, 8, 8)], kernel_size=2)
case("avg_pool2d float32", "avg_pool2d", [rnd(2, 2, 7, 6, dtype=torch.float32)], kernel_size=[3, 2], stride=[2, 1])
case("avg_pool2d padding", "avg_pool2d", [rnd(1, 2, 5, 6)], kernel_size=3, stride=2, padding=1)
case("avg_pool2d padding exclude", "avg_pool2d", [rnd(1, 2, 5, 6)], kernel_size=3, stride=2, padding=1,
     count_include_pad=False)
case("avg_pool2d ceil", "avg_pool2d", [rnd(1, 2, 7, 8)], kernel_size=3, stride=2, ceil_mode=True)
case("avg_pool2d ceil padding", "avg_pool2d", [rnd(1, 1, 6, 5)], kernel_size=[3, 2], stride=2, padding=1,
     ceil_mode=True)
case("avg_pool2d ceil padding exclude", "avg_pool2d", [rnd(1, 1, 6, 5)], kernel_size=[3, 2], stride=2, padding=1,
     ceil_mode=True, count_include_pad=False)
case("avg_pool2d divisor", "avg_pool2d", [rnd(1, 2, 5, 5)], kernel_size=2, padding=1, divisor_override=3)
case("avg_pool2d unbatched", "avg_pool2d", [rnd(3, 6, 4)], kernel_size=2)
case("avg_pool2d int64", "avg_pool2d", [torch.randint(-9, 9, (1, 2, 4, 5), generator=GEN)], kernel_size=2,
     stride=1)

error("max_pool2d 2d input", "max_pool2d", [x4[0, 0]], kernel_size=2)
error("max_pool2d 5d input", "max_pool2d", [rnd(1, 2, 3, 4, 4)], kernel_size=2)
error("max_pool2d pad too big", "max_pool2d", [x4], kernel_size=2, padding=2)
error("max_pool2d pad too big dilated", "max_pool2d", [x4], kernel_size=2, padding=2, dilation=3)
error("max_pool2d kernel 0", "max_pool2d", [x4], kernel_size=0)
error("max_pool2d kernel 0 stride 1", "max_pool2d", [x4], kernel_size=0, stride=1)
error("max_pool2d stride 0", "max_pool2d", [x4], kernel_size=2, stride=0)
error("max_pool2d dilation 0", "max_pool2d", [x4], kernel_size=2, dilation=0)
error("max_pool2d negative pad", "max_pool2d", [x4], kernel_size=2, padding=-1)
error("max_pool2d too small", "max_pool2d", [rnd(1, 1, 1, 1)], kernel_size=3)
error("max_pool2d int64", "max_pool2d", [x4.long()], kernel_size=2)
error("max_pool2d kernel list", "max_pool2d", [x4], kernel_size=[2, 2, 2])
error("max_pool2d stride list", "max_pool2d", [x4], kernel_size=2, stride=[1, 1, 1])
error("max_pool2d padding list", "max_pool2d", [x4], kernel_size=2, padding=[1, 1, 1])
error("max_pool2d dilation list", "max_pool2d", [x4], kernel_size=2, dilation=[1, 1, 1])
error("max_pool2d zero channels", "max_pool2d", [rnd(2, 0, 4, 4)], kernel_size=2)
error("avg_pool2d 2d input", "avg_pool2d", [x4[0, 0]], kernel_size=2)
error("avg_pool2d 5d input", "avg_pool2d", [rnd(1, 2, 3, 4, 4)], kernel_size=2)
error("avg_pool2d pad too big", "avg_pool2d", [x4], kernel_size=2, padding=2)
error("avg_pool2d kernel 0", "avg_pool2d", [x4], kernel_size=0, stride=1)
error("avg_pool2d stride 0", "avg_pool2d", [x4], kernel_size=2, stride=0)
error("avg_pool2d too small", "avg_pool2d", [rnd(1, 1, 1, 1)], kernel_size=3)
error("avg_pool2d divisor 0", "avg_pool2d", [x4], kernel_size=2, divisor_override=0)
error("avg_pool2d kernel list", "avg_pool2d", [x4], kernel_size=[2, 2, 2])
error("avg_pool2d stride list", "avg_pool2d", [x4], kernel_size=2, stride=[1, 1, 1])
error("avg_pool2d padding list", "avg_pool2d", [x4], kernel_size=2, padding=[1, 1, 1])

# The 1-d pools (2-d pools on an [.., 1, L] view) and the adaptive pools.
case("max_pool1d", "max_pool1d", [rnd(2, 3, 9)], kernel_size=3, stride=2, padding=1, return_indices=True)
case("max_pool1d dilation ceil", "max_pool1d", [rnd(3, 10)], kernel_size=2, dilation=3, ceil_mode=True)
case("avg_pool1d", "avg_pool1d", [rnd(2, 3, 9)], kernel_size=3, stride=2, padding=1, count_include_pad=False)
case("avg_pool1d ceil", "avg_pool1d", [rnd(3, 8, dtype=torch.float32)], kernel_size=3, stride=2, ceil_mode=True)
case("adaptive_avg_pool2d", "adaptive_avg_pool2d", [rnd(2, 3, 7, 9)], output_size=[3, 4])
case("adaptive_avg_pool2d grow", "adaptive_avg_pool2d", [rnd(2, 3, 5)], output_size=[4, 7])
case("adaptive_avg_pool2d float32", "adaptive_avg_pool2d", [rnd(1, 2, 6, 6, dtype=torch.float32)], output_size=4)
case("adaptive_avg_pool2d 1x1", "adaptive_avg_pool2d", [rnd(2, 3, 4, 5)], output_size=1)
case("adaptive_max_pool2d", "adaptive_max_pool2d", [rnd(2, 3, 7, 9)], output_size=[3, 4], return_indices=True)
case("adaptive_max_pool2d grow", "adaptive_max_pool2d", [rnd(3, 3, 5)], output_size=[4, 7])
case("adaptive_max_pool2d float32", "adaptive_max_pool2d", [rnd(1, 2, 6, 6, dtype=torch.float32)], output_size=4)

error("max_pool1d 1d input", "max_pool1d", [rnd(8)], kernel_size=2)
error("max_pool1d 4d input", "max_pool1d", [rnd(1, 2, 3, 8)], kernel_size=2)
error("max_pool1d kernel list", "max_pool1d", [rnd(2, 8)], kernel_size=[2, 2])
error("max_pool1d pad", "max_pool1d", [rnd(2, 8)], kernel_size=2, padding=2)
error("max_pool1d stride 0", "max_pool1d", [rnd(2, 8)], kernel_size=2, stride=0)
# max_pool1d checks in other words when the input requires grad (it then runs as max_pool2d).
error("max_pool1d grad kernel list", "max_pool1d", [rnd(2, 8).requires_grad_()], kernel_size=[2, 2])
error("max_pool1d grad kernel 0", "max_pool1d", [rnd(2, 8).requires_grad_()], kernel_size=0, stride=1)
error("max_pool1d grad stride 0", "max_pool1d", [rnd(2, 8).requires_grad_()], kernel_size=2, stride=0)
error("max_pool1d grad too small", "max_pool1d", [rnd(2, 1).requires_grad_()], kernel_size=3)
error("max_pool1d kernel 0", "max_pool1d", [rnd(2, 8)], kernel_size=0)
error("max_pool1d negative pad", "max_pool1d", [rnd(2, 8)], kernel_size=2, padding=-1)
error("max_pool1d dilation 0", "max_pool1d", [rnd(2, 8)], kernel_size=2, dilation=0)
error("max_pool1d stride list", "max_pool1d", [rnd(2, 8)], kernel_size=2, stride=[1, 1])
error("max_pool1d int64", "max_pool1d", [rnd(2, 8).long()], kernel_size=2)
error("avg_pool1d 1d input", "avg_pool1d", [rnd(8)], kernel_size=2)
error("avg_pool1d kernel list", "avg_pool1d", [rnd(2, 8)], kernel_size=[2, 2])
error("avg_pool1d too small", "avg_pool1d", [rnd(1, 1, 1)], kernel_size=3)
error("adaptive_avg_pool2d 2d input", "adaptive_avg_pool2d", [rnd(7, 9)], output_size=3)
error("adaptive_avg_pool2d negative", "adaptive_avg_pool2d", [x4], output_size=-1)
error("adaptive_avg_pool2d size list", "adaptive_avg_pool2d", [x4], output_size=[1, 2, 3])
error("adaptive_avg_pool2d int64", "adaptive_avg_pool2d", [x4.long()], output_size=2)
error("adaptive_max_pool2d 2d input", "adaptive_max_pool2d", [rnd(7, 9)], output_size=3)
error("adaptive_max_pool2d empty", "adaptive_max_pool2d", [rnd(2, 0, 3, 3)], output_size=2)
error("adaptive_max_pool2d int64", "adaptive_max_pool2d", [x4.long()], output_size=2)

# conv_transpose2d and constant padding.
case("conv_transpose2d", "conv_transpose2d", [rnd(2, 4, 3, 4), rnd(4, 3, 3, 2), rnd(3)], bias=True)
case("conv_transpose2d stride padding", "conv_transpose2d", [rnd(1, 2, 4, 3), rnd(2, 3, 3, 3)], stride=[2, 3],
     padding=[1, 2], output_padding=[1, 2])
case("conv_transpose2d groups dilation", "conv_transpose2d", [rnd(2, 4, 3, 3), rnd(4, 1, 2, 3), rnd(2)], bias=True,
     groups=2, dilation=[2, 1], stride=2, output_padding=1)
case("conv_transpose2d float32", "conv_transpose2d", [rnd(1, 2, 5, 5, dtype=torch.float32),
                                                      rnd(2, 4, 3, 3, dtype=torch.float32)], stride=2, padding=1)
case("conv_transpose2d unbatched", "conv_transpose2d", [rnd(2, 3, 3), rnd(2, 2, 2, 2)])
error("conv_transpose2d 2d input", "conv_transpose2d", [rnd(5, 5), rnd(4, 3, 3, 3)])
error("conv_transpose2d channels", "conv_transpose2d", [rnd(2, 3, 5, 5), rnd(4, 3, 3, 3)])
error("conv_transpose2d output_padding", "conv_transpose2d", [rnd(2, 4, 5, 5), rnd(4, 3, 3, 3)], output_padding=1)
error("conv_transpose2d groups", "conv_transpose2d", [rnd(2, 4, 5, 5), rnd(4, 3, 3, 3)], groups=3)
error("conv_transpose2d bias", "conv_transpose2d", [rnd(2, 4, 5, 5), rnd(4, 3, 3, 3), rnd(4)], bias=True)
error("conv_transpose2d stride 0", "conv_transpose2d", [rnd(2, 4, 5, 5), rnd(4, 3, 3, 3)], stride=0)
error("conv_transpose2d dilation 0", "conv_transpose2d", [rnd(2, 4, 5, 5), rnd(4, 3, 3, 3)], dilation=0)
error("conv_transpose2d too small", "conv_transpose2d", [rnd(1, 4, 1, 1), rnd(4, 3, 3, 3)], padding=2)
error("conv_transpose2d dtypes", "conv_transpose2d", [rnd(2, 4, 5, 5).float(), rnd(4, 3, 3, 3)])

case("pad", "pad", [rnd(2, 3, 4)], pad=[1, 2])
case("pad crop and grow", "pad", [rnd(2, 3, 4)], pad=[1, -1, -2, 0, 1, 1], value=0.5)
case("pad float32", "pad", [rnd(3, 4, dtype=torch.float32)], pad=[0, 0, 2, 1], value=-1.5)
case("pad int64", "pad", [torch.randint(-5, 5, (2, 3), generator=GEN)], pad=[1, 1], value=1.5)
case("pad to empty", "pad", [rnd(2, 3)], pad=[-3, 0])
error("pad odd", "pad", [rnd(2, 3)], pad=[1])
error("pad too long", "pad", [rnd(2, 3)], pad=[1, 1, 1, 1, 1, 1])
error("pad crop too much", "pad", [rnd(2, 3)], pad=[-2, -2])

# Normalisation. Running statistics are outputs too (updated in place in training).
def stats(c):
    return [rnd(c) * 0.1, torch.rand(c, generator=GEN, dtype=torch.float64) + 0.5]


case("batch_norm train", "batch_norm", [rnd(4, 3, 5)] + stats(3) + [rnd(3), rnd(3)], no_grad=(1, 2), running=True,
     affine=True, training=True, momentum=0.3)
case("batch_norm train 2d float32", "batch_norm", [rnd(6, 4, dtype=torch.float32)] + [t.float() for t in stats(4)],
     no_grad=(1, 2), running=True, training=True)
case("batch_norm train no stats", "batch_norm", [rnd(2, 3, 2, 3), rnd(3), rnd(3)], affine=True, training=True,
     eps=1e-3)
case("batch_norm eval", "batch_norm", [rnd(4, 3, 5)] + stats(3) + [rnd(3), rnd(3)], no_grad=(1, 2), running=True,
     affine=True, training=False)
case("batch_norm eval 4d", "batch_norm", [rnd(2, 3, 2, 2)] + stats(3), no_grad=(1, 2), running=True, training=False)
case("layer_norm", "layer_norm", [rnd(4, 3, 5), rnd(5), rnd(5)], affine=True, normalized_shape=[5])
case("layer_norm two dims", "layer_norm", [rnd(2, 3, 4), rnd(3, 4), rnd(3, 4)], affine=True, normalized_shape=[3, 4],
     eps=1e-3)
case("layer_norm all dims", "layer_norm", [rnd(3, 4), rnd(3, 4), rnd(3, 4)], affine=True, normalized_shape=[3, 4])
case("layer_norm plain float32", "layer_norm", [rnd(3, 6, dtype=torch.float32)], normalized_shape=[6])
case("group_norm", "group_norm", [rnd(2, 6, 4), rnd(6), rnd(6)], affine=True, num_groups=3)
case("group_norm 4d", "group_norm", [rnd(2, 4, 3, 2)], num_groups=2, eps=1e-3)
case("group_norm float32", "group_norm", [rnd(3, 4, 5, dtype=torch.float32), rnd(4, dtype=torch.float32),
                                          rnd(4, dtype=torch.float32)], affine=True, num_groups=4)
error("batch_norm eval without stats", "batch_norm", [rnd(4, 3)], training=False)
error("batch_norm one value", "batch_norm", [rnd(1, 3)], training=True)
error("batch_norm weight size", "batch_norm", [rnd(4, 3), rnd(4), rnd(3)], affine=True, training=True)
error("batch_norm stats size", "batch_norm", [rnd(4, 3), rnd(4), rnd(4)], running=True, training=True)
error("batch_norm 1d", "batch_norm", [rnd(3)], training=True)
error("batch_norm int64", "batch_norm", [rnd(4, 3).long()], training=True)
error("layer_norm shape", "layer_norm", [rnd(4, 3, 5)], normalized_shape=[4])
error("layer_norm weight", "layer_norm", [rnd(4, 3, 5), rnd(4), rnd(5)], affine=True, normalized_shape=[5])
error("layer_norm bias", "layer_norm", [rnd(4, 3, 5), rnd(5), rnd(4)], affine=True, normalized_shape=[5])
error("group_norm groups", "group_norm", [rnd(2, 6, 4)], num_groups=4)
error("group_norm weight", "group_norm", [rnd(2, 6, 4), rnd(5), rnd(6)], affine=True, num_groups=3)
error("group_norm 1d", "group_norm", [rnd(6)], num_groups=3)

# Lookups by index. embedding's inputs are (weight, indices) so the weight is the
# first input; the indices are int64 and get no gradient.
idx = torch.tensor([[0, 2, 4], [4, 2, 2]])
case("embedding", "embedding", [rnd(5, 3), idx])
case("embedding padding_idx", "embedding", [rnd(5, 3), idx], padding_idx=2)
case("embedding negative padding_idx", "embedding", [rnd(5, 3, dtype=torch.float32), idx], padding_idx=-1)
case("embedding 0-d", "embedding", [rnd(4, 2), torch.tensor(3)])
case("one_hot", "one_hot", [torch.tensor([0, 2, 1])])
case("one_hot classes", "one_hot", [torch.tensor([[0, 2], [1, 1]])], num_classes=4)
case("one_hot empty", "one_hot", [torch.tensor([], dtype=torch.long)], num_classes=3)
error("embedding padding_idx range", "embedding", [rnd(5, 3), idx], padding_idx=5)
error("embedding padding_idx negative range", "embedding", [rnd(5, 3), idx], padding_idx=-6)
error("embedding float indices", "embedding", [rnd(5, 3), idx.double()])
error("embedding 1-d weight", "embedding", [rnd(5), idx])
error("embedding index range", "embedding", [rnd(5, 3), torch.tensor([5])])
error("embedding negative index", "embedding", [rnd(5, 3), torch.tensor([-1])])
error("one_hot float", "one_hot", [torch.tensor([0., 1.])])
error("one_hot negative", "one_hot", [torch.tensor([-1, 1])])
error("one_hot too big", "one_hot", [torch.tensor([3, 1])], num_classes=3)
error("one_hot empty", "one_hot", [torch.tensor([], dtype=torch.long)])
error("one_hot classes -2", "one_hot", [torch.tensor([1])], num_classes=-2)

case("cumsum", "cumsum", [rnd(3, 4)], dim=1)
case("cumsum first dim float32", "cumsum", [rnd(3, 2, 2, dtype=torch.float32)], dim=0)
case("cumsum negative dim", "cumsum", [rnd(2, 5)], dim=-1)
case("cumsum 0-d", "cumsum", [torch.tensor(2.5, dtype=torch.float64)], dim=0)
case("cumsum int64", "cumsum", [torch.tensor([[1, -2, 3], [4, 5, -6]])], dim=1)
case("cumsum bool", "cumsum", [torch.tensor([True, False, True])], dim=0)
error("cumsum dim", "cumsum", [rnd(3)], dim=1)

# sort / argsort / topk: ties only where stable=True fixes their order.
case("sort", "sort", [rnd(3, 5)])
case("sort dim 0 descending float32", "sort", [rnd(4, 3, dtype=torch.float32)], dim=0, descending=True)
case("sort stable ties nan", "sort", [torch.tensor([3., 1., float("nan"), 2., 1., 3., float("nan")], dtype=torch.float64)],
     stable=True)
case("sort stable descending ties", "sort", [torch.tensor([[2., 5., 2., 5., 1.], [0., 0., 7., 0., 7.]])], dim=1,
     descending=True, stable=True)
case("sort int64 stable", "sort", [torch.tensor([4, -1, 4, 0, -1])], stable=True)
case("sort bool stable", "sort", [torch.tensor([True, False, True, False])], stable=True)
case("sort 0-d", "sort", [torch.tensor(1.5, dtype=torch.float64)])
case("sort middle dim", "sort", [rnd(2, 4, 3)], dim=-2)
case("argsort", "argsort", [rnd(2, 6)], descending=True)
case("argsort stable ties", "argsort", [torch.tensor([[1., 0., 1., 0.], [3., 3., 2., 3.]])], dim=1, stable=True)
case("topk", "topk", [rnd(3, 6)], k=3)
case("topk smallest dim 0", "topk", [rnd(5, 2, dtype=torch.float32)], k=2, dim=0, largest=False)
case("topk k 0", "topk", [rnd(2, 4)], k=0)
case("topk all nan", "topk", [torch.tensor([0.5, float("nan"), -1.0, 2.0], dtype=torch.float64)], k=2)
case("topk int64", "topk", [torch.tensor([[5, 1, 9], [2, 8, 3]])], k=2, dim=1)
case("topk 0-d", "topk", [torch.tensor(2.0, dtype=torch.float64)], k=1)
error("sort dim", "sort", [rnd(3)], dim=1)
error("sort 0-d dim", "sort", [torch.tensor(1.0)], dim=2)
error("topk k too big", "topk", [rnd(3)], k=4)
error("topk k negative", "topk", [rnd(3)], k=-1)
error("topk 0-d k 2", "topk", [torch.tensor(1.0)], k=2)
error("topk bool", "topk", [torch.tensor([True, False])], k=1)
error("topk dim", "topk", [rnd(2, 3)], k=1, dim=2)

# smooth_l1_loss / huber_loss / kl_div: every reduction, differences on and around the thresholds.
edges = torch.tensor([[0.0, 1.0, 2.0, -1.0], [3.0, -0.25, 0.5, -2.5]], dtype=torch.float64)
zeros = torch.zeros(2, 4, dtype=torch.float64)
case("smooth_l1_loss", "smooth_l1_loss", [rnd(3, 4), rnd(3, 4)])
case("smooth_l1_loss beta none", "smooth_l1_loss", [edges, zeros], reduction="none", beta=0.5)
case("smooth_l1_loss beta 0 sum", "smooth_l1_loss", [edges, zeros], reduction="sum", beta=0.0)
case("smooth_l1_loss float32", "smooth_l1_loss", [rnd(5, dtype=torch.float32), rnd(5, dtype=torch.float32)], beta=2.0)
case("smooth_l1_loss broadcast target", "smooth_l1_loss", [rnd(2, 3), rnd(3)], reduction="sum")
case("huber_loss", "huber_loss", [rnd(3, 4), rnd(3, 4)])
case("huber_loss delta none", "huber_loss", [edges, zeros], reduction="none", delta=0.5)
case("huber_loss delta 2 sum", "huber_loss", [edges, zeros], reduction="sum", delta=2.0)
case("huber_loss 0-d", "huber_loss", [torch.tensor(1.5, dtype=torch.float64), torch.tensor(-0.25, dtype=torch.float64)])
kl_target = torch.tensor([[0.2, 0.0, 0.5, 0.3], [0.1, 0.6, 0.3, 0.0]], dtype=torch.float64)
case("kl_div mean", "kl_div", [rnd(2, 4), kl_target])
case("kl_div none", "kl_div", [rnd(2, 4), kl_target], reduction="none")
case("kl_div sum", "kl_div", [rnd(2, 4), kl_target], reduction="sum")
case("kl_div batchmean", "kl_div", [rnd(3, 2, 2), rnd(3, 2, 2).abs()], reduction="batchmean")
case("kl_div batchmean 0-d", "kl_div", [torch.tensor(-0.5, dtype=torch.float64), torch.tensor(0.25, dtype=torch.float64)],
     reduction="batchmean")
case("kl_div log_target", "kl_div", [rnd(2, 3), rnd(2, 3)], reduction="batchmean", log_target=True)
case("kl_div log_target none float32", "kl_div", [rnd(4, dtype=torch.float32), rnd(4, dtype=torch.float32)],
     reduction="none", log_target=True)
error("smooth_l1_loss negative beta", "smooth_l1_loss", [rnd(3), rnd(3)], beta=-1.0)
error("smooth_l1_loss reduction", "smooth_l1_loss", [rnd(3), rnd(3)], reduction="bad")
error("smooth_l1_loss int64", "smooth_l1_loss", [torch.tensor([1, 2]), torch.tensor([1, 2])])
error("smooth_l1_loss shapes", "smooth_l1_loss", [rnd(3), rnd(2)])
error("huber_loss zero delta", "huber_loss", [rnd(3), rnd(3)], delta=0.0)
error("huber_loss negative delta", "huber_loss", [rnd(3), rnd(3)], delta=-1.0)
error("huber_loss int64", "huber_loss", [torch.tensor([1, 2]), torch.tensor([1, 2])])
error("kl_div reduction", "kl_div", [rnd(3), rnd(3)], reduction="bad")
error("kl_div int64", "kl_div", [torch.tensor([1, 2]), torch.tensor([1, 2])])
error("kl_div shapes", "kl_div", [rnd(3), rnd(2)])

# bincount: counts and weighted sums in PyTorch's result dtypes.
bins = torch.tensor([0, 3, 1, 3, 5, 3])
case("bincount", "bincount", [bins])
case("bincount minlength", "bincount", [bins], minlength=9)
case("bincount minlength below max", "bincount", [bins], minlength=2)
case("bincount empty", "bincount", [torch.tensor([], dtype=torch.long)], minlength=3)
case("bincount weights float32", "bincount", [bins, rnd(6, dtype=torch.float32)], no_grad=(1,))
case("bincount weights float64", "bincount", [bins, rnd(6)], no_grad=(1,), minlength=8)
case("bincount weights int64", "bincount", [bins, torch.tensor([1, -2, 3, 4, 5, 6])])
case("bincount weights bool", "bincount", [bins, torch.tensor([True, False, True, True, False, True])])
error("bincount negative", "bincount", [torch.tensor([-1, 2])])
error("bincount 2-d", "bincount", [torch.tensor([[1, 2]])])
error("bincount 0-d", "bincount", [torch.tensor(2)])
error("bincount float", "bincount", [torch.tensor([1.0, 2.0])])
error("bincount bool", "bincount", [torch.tensor([True, False])])
error("bincount minlength", "bincount", [bins], minlength=-1)
error("bincount minlength before input", "bincount", [torch.tensor([-1, 2])], minlength=-1)
error("bincount weights length", "bincount", [bins, rnd(5)])
error("bincount weights 2-d", "bincount", [bins, rnd(2, 3)])

# F.pad's other modes: 1, 2 and 3 padded dims, batched and not, negative pads (crops).
case("pad reflect 1d", "pad", [rnd(2, 3, 5)], pad=[2, 1], mode="reflect")
case("pad reflect 1d unbatched crop", "pad", [rnd(3, 5)], pad=[-1, 3], mode="reflect")
case("pad reflect 2d", "pad", [rnd(2, 2, 4, 5)], pad=[1, 2, 3, 0], mode="reflect")
case("pad reflect 2d float32 unbatched", "pad", [rnd(2, 4, 4, dtype=torch.float32)], pad=[1, 1, 1, 1], mode="reflect")
case("pad reflect 3d", "pad", [rnd(1, 2, 3, 3, 4)], pad=[1, 2, 0, 1, 2, 1], mode="reflect")
case("pad replicate 1d", "pad", [rnd(2, 3, 4)], pad=[3, 2], mode="replicate")
case("pad replicate 2d", "pad", [rnd(1, 2, 3, 4)], pad=[2, -1, 1, 4], mode="replicate")
case("pad replicate 3d float32", "pad", [rnd(2, 2, 3, 2, dtype=torch.float32)], pad=[1, 1, 2, 0, 0, 1],
     mode="replicate")
case("pad circular 1d", "pad", [rnd(2, 3, 4)], pad=[2, 4], mode="circular")
case("pad circular 2d crop", "pad", [rnd(1, 2, 3, 4)], pad=[-1, 2, 3, 1], mode="circular")
case("pad circular 3d", "pad", [rnd(1, 1, 2, 3, 2)], pad=[1, 0, 2, 1, 1, 1], mode="circular")
error("pad reflect 4d input 1 pair", "pad", [rnd(1, 2, 3, 4)], pad=[1, 1], mode="reflect")
error("pad reflect 1d input", "pad", [rnd(3)], pad=[1, 1], mode="reflect")
error("pad replicate 5d input 1 pair", "pad", [rnd(1, 1, 2, 3, 4)], pad=[1, 1], mode="replicate")
error("pad reflect too big 1d", "pad", [rnd(2, 3, 4)], pad=[4, 0], mode="reflect")
error("pad reflect too big 2d w", "pad", [rnd(1, 2, 3, 4)], pad=[4, 0, 0, 0], mode="reflect")
error("pad reflect too big 2d h", "pad", [rnd(1, 2, 3, 4)], pad=[0, 0, 3, 0], mode="reflect")
error("pad reflect too big 3d d", "pad", [rnd(1, 1, 2, 3, 4)], pad=[0, 0, 0, 0, 2, 0], mode="reflect")
error("pad reflect output empty", "pad", [rnd(2, 3, 4)], pad=[-2, -2], mode="reflect")
error("pad replicate output empty", "pad", [rnd(2, 3, 4)], pad=[-2, -2], mode="replicate")
error("pad reflect empty channel", "pad", [rnd(2, 0, 4)], pad=[1, 1], mode="reflect")
error("pad replicate empty width", "pad", [rnd(2, 3, 0)], pad=[1, 1], mode="replicate")
error("pad reflect 2d empty", "pad", [rnd(1, 0, 3, 4)], pad=[1, 1, 1, 1], mode="reflect")
error("pad reflect int64", "pad", [torch.tensor([[[1, 2, 3]]])], pad=[1, 1], mode="reflect")
error("pad replicate int64 2d", "pad", [torch.tensor([[[[1, 2, 3]]]])], pad=[1, 1, 0, 0], mode="replicate")
error("pad circular wraps twice", "pad", [rnd(2, 3, 4)], pad=[0, 5], mode="circular")
error("pad circular empty", "pad", [rnd(2, 3, 4)], pad=[-3, -2], mode="circular")
error("pad circular 2d input", "pad", [rnd(3, 4)], pad=[1, 1], mode="circular")
error("pad unknown mode", "pad", [rnd(2, 3, 4)], pad=[1, 1], mode="foo")
error("pad reflect value", "pad", [rnd(2, 3, 4)], pad=[1, 1], mode="reflect", value=2.0)

# cosine_similarity: PyTorch 1.13's formula, norms clamped to eps (the gradient passes the clamp).
case("cosine_similarity", "cosine_similarity", [rnd(3, 5), rnd(3, 5)])
case("cosine_similarity dim 0 broadcast", "cosine_similarity", [rnd(4, 3), rnd(1, 3)], dim=0)
case("cosine_similarity large eps", "cosine_similarity", [rnd(2, 4) * 0.1, rnd(2, 4)], dim=-1, eps=0.5)
case("cosine_similarity float32 1-d", "cosine_similarity", [rnd(6, dtype=torch.float32), rnd(6, dtype=torch.float32)],
     dim=0)
case("cosine_similarity zero vector", "cosine_similarity", [torch.zeros(2, 3, dtype=torch.float64), rnd(2, 3)])
error("cosine_similarity int64", "cosine_similarity", [torch.tensor([[1, 2]]), torch.tensor([[3, 4]])])
error("cosine_similarity shapes", "cosine_similarity", [rnd(2, 3), rnd(2, 4)])
error("cosine_similarity dim", "cosine_similarity", [rnd(2, 3), rnd(2, 3)], dim=2)

# Dropout: PyTorch's CPU mask for the seed (bernoulli_ of a float64 uniform draw per element or channel).
case("dropout", "dropout", [rnd(4, 5)], seed=7, p=0.3)
case("dropout float32", "dropout", [rnd(3, 6, dtype=torch.float32)], seed=11, p=0.5)
case("dropout eval", "dropout", [rnd(2, 3)], seed=1, p=0.5, training=False)
case("dropout p 0", "dropout", [rnd(2, 3)], seed=1, p=0.0)
case("dropout p 1", "dropout", [rnd(2, 3)], seed=1, p=1.0)
case("dropout2d", "dropout2d", [rnd(3, 4, 2, 2)], seed=5, p=0.4)
case("dropout2d float32 3-d", "dropout2d", [rnd(2, 5, 3, dtype=torch.float32)], seed=9, p=0.5)
case("dropout2d eval", "dropout2d", [rnd(2, 3, 2, 2)], seed=1, training=False)
error("dropout p above 1", "dropout", [rnd(3)], p=1.5)
error("dropout p negative", "dropout", [rnd(3)], p=-0.1)
error("dropout2d p", "dropout2d", [rnd(2, 3, 2, 2)], p=2.5)
error("dropout2d 1-d", "dropout2d", [rnd(4)], p=0.5)

# cumprod and flip (issue 12: prod's gradient at zeros is built from them), and prod at zeros.
# Appended last so the cases above keep their random draws.
NAN, INF = float("nan"), float("inf")
case("cumprod", "cumprod", [rnd(3, 4)], dim=1)
case("cumprod first dim float32", "cumprod", [rnd(3, 2, 2, dtype=torch.float32)], dim=0)
case("cumprod negative dim", "cumprod", [rnd(2, 5)], dim=-1)
case("cumprod 0-d", "cumprod", [torch.tensor(2.5, dtype=torch.float64)], dim=0)
case("cumprod int64", "cumprod", [torch.tensor([[1, -2, 3], [4, 5, -6]])], dim=1)
case("cumprod bool", "cumprod", [torch.tensor([True, True, False, True])], dim=0)
case("cumprod zeros", "cumprod", [torch.tensor([[2., 0., 3., 0.5], [0., 2., 0., 4.], [1.5, 2., -0.5, 4.]],
                                               dtype=torch.float64)], dim=1)
case("cumprod zeros first dim", "cumprod", [torch.tensor([[2., 0., 3.], [0., -1., 0.], [1.5, 2., -2.]],
                                                         dtype=torch.float64)], dim=0)
case("cumprod zeros inf nan", "cumprod", [torch.tensor([[2., 0., INF, 0., 5.], [NAN, 0., -0., 4., 1.]],
                                                       dtype=torch.float64)], dim=1)
error("cumprod dim", "cumprod", [rnd(3)], dim=1)
case("flip", "flip", [rnd(3, 4)], dims=[0])
case("flip two dims", "flip", [rnd(2, 3, 4)], dims=[0, -1])
case("flip no dims", "flip", [rnd(2, 3)], dims=[])
case("flip 0-d", "flip", [torch.tensor(1.5, dtype=torch.float64)], dims=[0])
case("flip float32", "flip", [rnd(4, 2, dtype=torch.float32)], dims=[1])
case("flip int64", "flip", [torch.tensor([[1, -2, 3], [4, 5, -6]])], dims=[1])
case("flip bool", "flip", [torch.tensor([True, False, False])], dims=[0])
error("flip repeated dim", "flip", [rnd(2, 3)], dims=[0, -2])
error("flip dim", "flip", [rnd(2, 3)], dims=[2])
case("prod one zero", "prod", [torch.tensor([[2., 0.], [3., -0.5]], dtype=torch.float64)])
case("prod two zeros", "prod", [torch.tensor([2., 0., 3., 0.], dtype=torch.float64)])
case("prod -0 -inf", "prod", [torch.tensor([-0., -INF], dtype=torch.float64)])
case("prod dim zeros nan", "prod", [torch.tensor([[0., 0., -1.], [NAN, 1., 2.]], dtype=torch.float64)], dim=1)
case("prod dim keepdim zero", "prod", [torch.tensor([[2., 0., 3.], [1., -2., 4.]], dtype=torch.float64)], dim=0,
     keepdim=True)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "nn_ops.json")
with open(out, "w") as f:
    json.dump({"torch": torch.__version__, "cases": CASES, "errors": ERRORS}, f, separators=(",", ":"))
    f.write("\n")
print(f"wrote {len(CASES)} cases and {len(ERRORS)} errors to {os.path.normpath(out)}")
