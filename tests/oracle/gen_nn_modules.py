"""Writes tests/fixtures/nn_modules.json: torch.nn modules of issue 15 from
PyTorch 1.13 (one thread) — each module's default initialisation for a seed
(parameters and buffers in named order), its repr, and a forward and
backward pass on a fixed input: output, input gradient and parameter
gradients of sum(out * g) for a fixed g. BatchNorm cases also record the
running statistics after a few training steps and an eval-mode output.
"init" holds what each torch.nn.init function writes into an empty tensor
after torch.manual_seed(seed).
tests/js/nn-modules.test.js replays every case.

    /usr/bin/python3 tests/oracle/gen_nn_modules.py
"""
import json
import os

import torch
from torch import nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "nn_modules.json")

# (case name, class, args, kwargs, input shape or ("int", shape, high) for index inputs, training steps)
CASES = [
    ("linear", "Linear", [5, 3], {}, [4, 5], 0),
    ("linear_nobias", "Linear", [4, 2], {"bias": False}, [3, 4], 0),
    ("conv1d", "Conv1d", [2, 3, 3], {"stride": 2, "padding": 1}, [2, 2, 7], 0),
    ("conv2d_lenet", "Conv2d", [1, 6, 5], {}, [2, 1, 9, 9], 0),
    ("conv2d_opts", "Conv2d", [4, 6, [3, 2]], {"stride": [2, 1], "padding": 1, "dilation": [1, 2], "groups": 2}, [1, 4, 7, 8], 0),
    ("conv2d_same_nobias", "Conv2d", [2, 3, 3], {"padding": "same", "bias": False}, [1, 2, 5, 5], 0),
    ("conv2d_reflect", "Conv2d", [2, 2, 3], {"padding": 1, "padding_mode": "reflect"}, [1, 2, 4, 4], 0),
    ("conv_transpose2d", "ConvTranspose2d", [4, 2, 3], {"stride": 2, "padding": 1, "output_padding": 1, "groups": 2}, [1, 4, 3, 3], 0),
    ("maxpool2d", "MaxPool2d", [2], {}, [1, 2, 5, 5], 0),
    ("maxpool2d_opts", "MaxPool2d", [3], {"stride": 2, "padding": 1, "ceil_mode": True}, [1, 1, 6, 6], 0),
    ("avgpool2d", "AvgPool2d", [2], {"stride": 1}, [1, 2, 4, 4], 0),
    ("adaptive_avgpool2d", "AdaptiveAvgPool2d", [[2, 3]], {}, [1, 2, 5, 7], 0),
    ("batchnorm1d", "BatchNorm1d", [3], {}, [4, 3], 3),
    ("batchnorm1d_cma", "BatchNorm1d", [3], {"momentum": None}, [5, 3, 2], 3),
    ("batchnorm2d", "BatchNorm2d", [2], {"eps": 1e-3, "momentum": 0.2}, [3, 2, 2, 2], 2),
    ("batchnorm2d_nostats", "BatchNorm2d", [2], {"track_running_stats": False, "affine": False}, [2, 2, 3, 3], 1),
    ("layernorm", "LayerNorm", [[2, 3]], {}, [4, 2, 3], 0),
    ("groupnorm", "GroupNorm", [2, 4], {"eps": 1e-4}, [2, 4, 3], 0),
    ("embedding", "Embedding", [6, 3], {"padding_idx": 2}, ("int", [2, 4], 6), 0),
    ("dropout_eval", "Dropout", [0.3], {}, [3, 4], 0),
    ("flatten", "Flatten", [], {}, [2, 3, 2], 0),
    ("unflatten", "Unflatten", [1, [2, 3]], {}, [2, 6], 0),
    ("softmax", "Softmax", [], {"dim": 1}, [2, 4], 0),
    ("logsoftmax", "LogSoftmax", [], {"dim": -1}, [2, 4], 0),
    ("gelu", "GELU", [], {}, [2, 3], 0),
    ("silu", "SiLU", [], {}, [2, 3], 0),
    ("identity", "Identity", [], {}, [2, 3], 0),
]


def build(cls, args, kwargs):
    args = [tuple(a) if isinstance(a, list) else a for a in args]
    kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in kwargs.items()}
    return getattr(nn, cls)(*args, **kwargs)


def case(seed, name, cls, args, kwargs, shape, steps):
    torch.manual_seed(seed)
    m = build(cls, args, kwargs)
    out = {"class": cls, "args": args, "kwargs": kwargs, "seed": seed, "steps": steps, "repr": repr(m),
           "params": {n: p.detach().reshape(-1).tolist() for n, p in m.named_parameters()},
           "buffers": {n: b.reshape(-1).tolist() for n, b in m.named_buffers()},
           "state_dict_keys": list(m.state_dict().keys())}
    torch.manual_seed(100 + seed)
    if isinstance(shape, tuple):
        x = torch.randint(0, shape[2], shape[1])
        out["input"] = {"shape": shape[1], "values": x.reshape(-1).tolist(), "dtype": "int64"}
    else:
        x = torch.randn(*shape)
        out["input"] = {"shape": shape, "values": x.reshape(-1).tolist(), "dtype": "float32"}
        x.requires_grad_()
    if cls == "Dropout":
        m.eval()
    for _ in range(steps):  # BatchNorm: running statistics from training batches
        m(x.detach() * 1.5 + 0.5)
    if steps:
        out["buffers_after"] = {n: b.reshape(-1).tolist() for n, b in m.named_buffers()}
    y = m(x)
    g = torch.linspace(-1, 1, y.numel()).reshape(y.shape)
    (y * g).sum().backward()
    out["output"] = {"shape": list(y.shape), "values": y.detach().reshape(-1).tolist()}
    out["grad_fn"] = type(y.grad_fn).__name__ if y.grad_fn is not None else None
    if x.dtype.is_floating_point:
        out["input_grad"] = x.grad.reshape(-1).tolist()
    out["param_grads"] = {n: p.grad.reshape(-1).tolist() for n, p in m.named_parameters()}
    if steps:
        m.eval()
        out["eval_output"] = m(x.detach()).reshape(-1).tolist()
    return out


# (case name, nn.init function, positional args after the tensor, kwargs, shape, seed)
INITS = [
    ("uniform", "uniform_", [], {"a": -0.5, "b": 0.5}, [3, 5], 0),
    ("uniform_positional", "uniform_", [-0.5, 0.5], {}, [3, 5], 0),
    ("normal", "normal_", [1.0], {"std": 0.1}, [3, 5], 0),
    ("constant", "constant_", [], {"val": 0.25}, [2, 3], 0),
    ("ones", "ones_", [], {}, [2, 3], 0),
    ("zeros", "zeros_", [], {}, [2, 3], 0),
    ("xavier_uniform_tanh", "xavier_uniform_", [], {"gain": 5.0 / 3}, [3, 5], 1),
    ("xavier_normal", "xavier_normal_", [], {}, [4, 2, 3, 3], 2),
    ("kaiming_uniform_sqrt5", "kaiming_uniform_", [], {"a": 5 ** 0.5}, [3, 5], 3),
    ("kaiming_uniform_relu_fan_out", "kaiming_uniform_", [], {"mode": "fan_out", "nonlinearity": "relu"}, [4, 2, 3, 3], 4),
    ("kaiming_normal", "kaiming_normal_", [], {}, [3, 5], 5),
    ("kaiming_normal_relu_fan_out", "kaiming_normal_", [], {"mode": "fan_out", "nonlinearity": "relu"}, [4, 2, 3, 3], 6),
]


def init_case(fn, args, kwargs, shape, seed):
    torch.manual_seed(seed)
    t = getattr(nn.init, fn)(torch.empty(shape), *args, **kwargs)
    return {"fn": fn, "args": args, "kwargs": kwargs, "shape": shape, "seed": seed, "values": t.reshape(-1).tolist()}


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    torch.set_num_threads(1)
    cases = {name: case(i, name, cls, args, kwargs, shape, steps)
             for i, (name, cls, args, kwargs, shape, steps) in enumerate(CASES)}
    with open(OUT, "w") as f:
        inits = {name: init_case(*rest) for name, *rest in INITS}
        json.dump({"torch": torch.__version__, "cases": cases, "init": inits}, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
