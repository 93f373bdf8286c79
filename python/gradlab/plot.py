"""plot(): a line chart in the playground's Output, as JavaScript mode's plot().

    plot(losses)                      one series against 0, 1, 2, ...
    plot(steps, losses)               against the given x values
    plot({"train": a, "test": b})     several series (plot(xs, {...}) too)
    plot(losses, title="loss", xlabel="step", ylabel="", label="y")

Values are numbers, lists or tuples of numbers, or tensors (flattened).
Plotting again with a title already drawn in this run redraws that chart, so a
training loop can plot its curve live. Outside the playground there is no
Output to draw in, and plot() raises RuntimeError.
"""
import json
import math
import numbers

from torch import Tensor


def _numbers(values, what):
    if isinstance(values, Tensor):
        values = values.detach().reshape(-1).tolist()
    elif isinstance(values, numbers.Real):
        values = [values]
    elif not isinstance(values, (list, tuple, range)):
        raise TypeError(f"plot: {what} must be a number, a list of numbers or a tensor, not {type(values).__name__}")
    out = []
    for v in values:
        v = v.item() if isinstance(v, Tensor) else v
        if not isinstance(v, numbers.Real):
            raise TypeError(f"plot: {what} must hold numbers, not {type(v).__name__}")
        v = float(v)
        # JSON has no NaN or infinity: None stands for a value the chart leaves out.
        out.append(v if math.isfinite(v) else None)
    return out


def plot(*args, title="", xlabel="", ylabel="", label=None):
    if len(args) not in (1, 2):
        raise TypeError("plot(ys), plot(xs, ys) or plot({'name': ys}) expects values to draw")
    xs = _numbers(args[0], "x") if len(args) == 2 else None
    data = args[-1]
    if data is None:
        raise TypeError("plot(ys), plot(xs, ys) or plot({'name': ys}) expects values to draw")
    if isinstance(data, dict):
        series = [{"name": str(name), "x": xs, "y": _numbers(ys, str(name))} for name, ys in data.items()]
    else:
        series = [{"name": label or "y", "x": xs, "y": _numbers(data, "y")}]
    if xs is not None:
        for s in series:
            if len(s["y"]) != len(xs):
                raise ValueError(f"plot: x has {len(xs)} values but {s['name']} has {len(s['y'])}")
    try:
        from _gradlab_plot import draw
    except ImportError:
        raise RuntimeError("plot() draws in the Gradlab playground's Output; this Python has none") from None
    draw(json.dumps({"series": series, "options": {"title": title, "xlabel": xlabel, "ylabel": ylabel}}))
