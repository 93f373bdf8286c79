// Completion sources for the torch API, in JavaScript and in Python. The lists
// come from the package's TypeScript declarations at build time
// (vite-plugins/torch-completions.js), the same names as PyTorch's: after
// "torch." the torch namespace, after "torch.nn." or "F." their members (and
// in Python after the usual aliases "nn." and "optim."), after any other
// "expr." the tensor methods, and the runner's globals elsewhere.
import data from 'virtual:torch-completions';

const RUNNER_GLOBALS = [
  { label: 'print', type: 'function', detail: '(...values)', info: 'Prints like Python: tensors as their repr, arrays as NumPy.' },
  { label: 'show', type: 'function', detail: '(tensor, name?)', info: 'Adds a tensor to the Tensors pane and its graph to the Graph pane.' },
  { label: 'plot', type: 'function', detail: '(ys) | (xs, ys) | ({ name: ys }), { title, xlabel, ylabel }?', info: 'Draws a line chart in the output.' },
  { label: 'F', type: 'namespace', detail: 'torch.nn.functional' },
];

// Built-ins whose members are not tensors.
const JS_NAMESPACES = new Set(['Math', 'JSON', 'Object', 'Array', 'Number', 'String', 'console', 'Promise', 'Date']);

const scopes = data.scopes;
if (!Object.keys(scopes).length) console.warn('gradlab: no torch completions (wasm/gradlab.d.ts was missing at build time)');

const globals = [...(scopes.global || []), ...RUNNER_GLOBALS];

// What a PyTorch program imports under its usual names.
const PYTHON_ALIASES = { nn: 'torch.nn', F: 'torch.nn.functional', optim: 'torch.optim' };
const PYTHON_GLOBALS = [
  { label: 'torch', type: 'namespace', detail: 'import torch' },
  { label: 'nn', type: 'namespace', detail: 'import torch.nn as nn' },
  { label: 'F', type: 'namespace', detail: 'import torch.nn.functional as F' },
  { label: 'optim', type: 'namespace', detail: 'import torch.optim as optim' },
  { label: 'Variable', type: 'class', detail: 'from torch.autograd import Variable' },
];
// Python's own builtins that are not tensors' methods.
const PY_NAMESPACES = new Set(['math', 'random', 'sys', 'os', 'time', 'itertools', 'functools', 'collections']);

function completer({ aliases, namespaces, topLevel }) {
  const scopeOf = (path) => scopes[aliases[path] ?? path] || (path === 'torch.nn.functional' ? scopes.F : null);
  return (context) => {
    const member = context.matchBefore(/[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\.[\w$]*$/);
    if (member) {
      const dot = member.text.lastIndexOf('.');
      const path = member.text.slice(0, dot);
      if (namespaces.has(path.split('.')[0])) return null;
      const options = scopeOf(path) || scopes.tensor;
      if (!options) return null;
      return { from: member.from + dot + 1, options, validFor: /^[\w$]*$/ };
    }
    const word = context.matchBefore(/[A-Za-z_$][\w$]*$/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    return { from: word.from, options: topLevel, validFor: /^[\w$]*$/ };
  };
}

export const torchCompletionSource = completer({ aliases: {}, namespaces: JS_NAMESPACES, topLevel: globals });
export const pythonTorchCompletionSource = completer({
  aliases: PYTHON_ALIASES,
  namespaces: PY_NAMESPACES,
  topLevel: PYTHON_GLOBALS,
});
