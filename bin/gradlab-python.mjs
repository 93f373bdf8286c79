#!/usr/bin/env node
// gradlab-python FILE.py: runs a PyTorch program in Python mode, printing its
// stdout exactly; an uncaught exception prints CPython's traceback on stderr
// and exits with status 1, as `python3 FILE.py` does.
import { readFile } from 'node:fs/promises';
import { loadPython } from '../wasm/python/index.js';

const file = process.argv[2];
if (file === undefined || process.argv.length > 3) {
  process.stderr.write('usage: gradlab-python FILE.py\n');
  process.exit(2);
}
let code;
try {
  code = await readFile(file, 'utf8');
} catch (error) {
  process.stderr.write(`gradlab-python: can't open file '${file}': [Errno 2] No such file or directory\n`);
  process.exit(2);
}
const py = await loadPython();
const { stdout, stderr, error } = await py.run(code, { filename: file });
process.stdout.write(stdout);
process.stderr.write(stderr);
// sys.exit(n) exits with n, as CPython does; any other uncaught exception with 1.
const status = error?.type === 'SystemExit' && /^\d+$/.test(error.message) ? Number(error.message) : 1;
process.exitCode = error === null ? 0 : status;
