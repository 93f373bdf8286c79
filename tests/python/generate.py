"""Writes tests/fixtures/python_programs.json: each program in
tests/python/programs/ run by real PyTorch 1.13 (/usr/bin/python3, one
thread). Each program runs in a process forked right after `import torch`,
so it starts from the state a fresh `python3 prog.py` has, without paying
torch's import time per program. A program that fails records CPython's
last traceback line ("RuntimeError: message").

    /usr/bin/python3 tests/python/generate.py
"""
import json
import os
import sys
import traceback

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
OUT = os.path.join(HERE, "..", "fixtures", "python_programs.json")


def child(path, out_fd, err_fd):
    os.dup2(out_fd, 1)
    os.dup2(err_fd, 2)
    sys.stdout = os.fdopen(1, "w", closefd=False)
    sys.stderr = os.fdopen(2, "w", closefd=False)
    with open(path) as f:
        code = f.read()
    status = 0
    try:
        exec(compile(code, path, "exec"), {"__name__": "__main__", "__builtins__": __builtins__})
    except BaseException:
        traceback.print_exc()
        status = 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def read_all(fd):
    chunks = []
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            return b"".join(chunks).decode()
        chunks.append(chunk)


def run(path):
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(out_r)
        os.close(err_r)
        child(path, out_w, err_w)
    os.close(out_w)
    os.close(err_w)
    # Outputs are small (far below a pipe's buffer), so reading one after the other cannot deadlock.
    stdout = read_all(out_r)
    stderr = read_all(err_r)
    os.close(out_r)
    os.close(err_r)
    _, status = os.waitpid(pid, 0)
    error = stderr.rstrip("\n").split("\n")[-1] if os.WEXITSTATUS(status) != 0 else None
    return {"stdout": stdout, "error": error}


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    torch.set_num_threads(1)
    names = sorted(n[:-3] for n in os.listdir(PROGRAMS) if n.endswith(".py"))
    fixtures = {name: run(os.path.join(PROGRAMS, name + ".py")) for name in names}
    with open(OUT, "w") as f:
        json.dump({"torch": torch.__version__, "programs": fixtures}, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(fixtures)} programs -> {os.path.relpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
