"""Runs one user program as if it were a fresh Python process.

Each run gets new __main__ globals, grad mode on, default print options and
the generator reseeded with DEFAULT_SEED (PyTorch seeds a fresh process
randomly; a fixed seed keeps runs reproducible). Output is captured per run
and streamed line by line to the caller's callbacks, if any; a traceback
lists only the user's frames, as PyTorch's C++ frames never show in CPython's.
"""
import builtins
import gc
import io
import linecache
import os
import signal
import sys
import traceback
import types

import torch

DEFAULT_SEED = 0
# Tools that read a finished program's globals (the playground's Tensors and
# Graph panes): each is called with them, error or not, before they are freed.
observers = []
_PACKAGE_DIR = os.path.dirname(os.path.dirname(torch.__file__))

# An interrupt (Pyodide's interrupt buffer set to SIGINT) raises KeyboardInterrupt
# only while a program runs: outside it, in this runner's own setup and cleanup,
# it is ignored, so a late Stop can never leave the runner half done.
signal.signal(signal.SIGINT, signal.SIG_IGN)
_interrupt_buffer = None


def set_interrupt_buffer(buffer):
    global _interrupt_buffer
    _interrupt_buffer = buffer


def _on_interrupt(signum, frame):
    """KeyboardInterrupt where the program's own code runs. Inside the torch
    package (this runner included) an engine handle may be between the call
    that made it and the object that owns it, or in a __del__ about to free it:
    there the interrupt goes back into the buffer, taken at the next check."""
    if _interrupt_buffer is not None and frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR + "/"):
        _interrupt_buffer[0] = signum
        return
    raise KeyboardInterrupt


def _reset_state():
    torch.set_grad_enabled(True)
    torch.set_printoptions(profile="default", sci_mode=None)
    torch.manual_seed(DEFAULT_SEED)


def _user_frames(tb):
    """The traceback's frames minus the runner's and the torch package's."""
    frames = traceback.extract_tb(tb)
    return traceback.StackSummary.from_list(
        [f for f in frames[1:] if not f.filename.startswith(_PACKAGE_DIR)])


def _format_error(error):
    frames = _user_frames(error.__traceback__)
    # A program that does not compile has no frames: CPython prints no header then.
    lines = ["Traceback (most recent call last):\n"] + frames.format() if frames else []
    lines += traceback.format_exception_only(type(error), error)
    return "".join(lines)


class _Output(io.TextIOBase):
    """A program's stdout or stderr: kept whole for the result, and each run of
    completed lines handed to `on_text` as it is printed (the rest on flush)."""

    def __init__(self, on_text):
        self._parts = []
        self._pending = ""
        self._on_text = on_text

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        self._parts.append(s)
        if self._on_text is not None:
            self._pending += s
            cut = self._pending.rfind("\n") + 1
            if cut:
                self._on_text(self._pending[:cut])
                self._pending = self._pending[cut:]
        return len(s)

    def flush(self):
        if self._pending:
            self._on_text(self._pending)
            self._pending = ""

    def getvalue(self):
        return "".join(self._parts)


def run(code, filename, on_stdout=None, on_stderr=None):
    _reset_state()
    out, err = _Output(on_stdout), _Output(on_stderr)
    main = types.ModuleType("__main__")
    main.__dict__["__builtins__"] = builtins
    main.__file__ = filename
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    saved = sys.stdout, sys.stderr, sys.modules.get("__main__")
    sys.stdout, sys.stderr, sys.modules["__main__"] = out, err, main
    error = None
    try:
        signal.signal(signal.SIGINT, _on_interrupt)
        exec(compile(code, filename, "exec"), main.__dict__)
    except SystemExit as e:
        # As CPython's exit: an int is the status, anything else is printed and means 1.
        if e.code not in (None, 0):
            if not isinstance(e.code, int):
                out.flush()
                err.write(f"{e.code}\n")
            error = {"type": "SystemExit", "message": str(e.code), "traceback": ""}
    except BaseException as e:  # the program's uncaught exception, reported, never raised here
        text = _format_error(e)
        out.flush()
        err.write(text)
        error = {"type": type(e).__name__, "message": str(e), "traceback": text}
        e.__traceback__ = None
        del e
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        sys.stdout, sys.stderr = saved[0], saved[1]
        out.flush()
        err.flush()
        if saved[2] is not None:
            sys.modules["__main__"] = saved[2]
        for observe in observers:
            observe(main.__dict__)
        # Free the program's tensors now, cycles included (modules hold their children).
        main.__dict__.clear()
        del main
        gc.collect()
    return out.getvalue(), err.getvalue(), error
