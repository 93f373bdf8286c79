"""Runs every Python example of the playground (web/src/page/examples-python.js
and examples-training.js) with real PyTorch 1.13 (/usr/bin/python3, Debian's python3-torch) and writes
what each prints to python-examples.json, which playground-python.test.js
compares with the playground's output. The tutorial and the volatile example
print PyTorch 0.3's behaviour, not 1.13's: the test holds those expectations.
Examples with a time limit of their own (`limit:`, LeNet's minute of
training, which prints its timings) are left out: playground-lenet.test.js
checks what they reach.

    /usr/bin/python3 tests/e2e/helpers/python_examples_oracle.py
"""
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, "..", "..", "..", "web", "src", "page")
FILES = ["examples-python.js", "examples-training.js"]


def examples():
    for name in FILES:
        text = open(os.path.join(PAGES, name), encoding="utf-8").read()
        for m in re.finditer(r"id: '(py-[\w-]+)',(.*?)code: `((?:[^`\\]|\\.)*)`", text, re.S):
            if "limit:" in m.group(2):
                continue
            code = re.sub(r"\\(.)", r"\1", m.group(3))
            yield m.group(1), code


def main():
    out = {}
    for example_id, code in examples():
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                                env={**os.environ, "OMP_NUM_THREADS": "1", "PYTHONWARNINGS": "ignore"})
        out[example_id] = {"stdout": result.stdout, "status": result.returncode}
    with open(os.path.join(HERE, "python-examples.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
