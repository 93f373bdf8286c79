"""The weights of difftest's step kinds: how often a program draws each."""
import autograd_ops
import ops
import view_ops

KINDS = {
    "create": (2, ops.create),
    "unary": (3, ops.unary),
    "binary": (4, ops.binary),
    "where": (0.7, ops.where),
    "clamp": (0.6, ops.clamp),
    "reduce": (3, ops.reduce),
    "scan": (1, ops.scan),
    "linalg": (1.2, ops.linalg),
    "view": (4, view_ops.view),
    "join": (1, view_ops.join),
    "gather": (1, view_ops.gather),
    "cast": (1, ops.cast),
    "losses": (1, ops.losses),
    "linear": (0.6, ops.linear),
    "in_place": (2.5, ops.in_place),
    "autograd": (4, autograd_ops.step),
}
