// The examples menu: short commented programs, one per idea, in Python
// (examples-python.js) and in JavaScript (below, the same programs with the
// package's API). The first in each language is the tutorial Gradlab grew
// from, in PyTorch 0.3 style.
import { PYTHON_EXAMPLES } from './examples-python.js';
import { TRAINING_JAVASCRIPT, TRAINING_PYTHON } from './examples-training.js';

const JAVASCRIPT_EXAMPLES = [
  {
    id: 'tutorial',
    title: 'The tutorial: Variable in PyTorch 0.3',
    code: `// The tutorial Gradlab grew from ("Variable in PyTorch, explained"),
// line by line, in PyTorch 0.3 style.
// Legacy FloatTensor and Variable print the way PyTorch 0.3 did.
const tensor = torch.FloatTensor([[1, 2], [3, 4]]);
// requires_grad: does this Variable take part in backpropagation?
const variable = Variable(tensor, { requires_grad: true });
print(tensor);
print(variable);

const t_out = torch.mean(tensor.mul(tensor)); // x^2
const v_out = torch.mean(variable.mul(variable));
print(t_out);
print(v_out);

v_out.backward(); // backpropagate the error from v_out
print(variable.grad); // d(mean(x^2))/dx = x / 2

print(variable); // Variable form
print(variable.data); // the tensor inside
print(variable.data.numpy()); // as a NumPy array
`,
  },
  {
    id: 'basics',
    title: 'Autograd basics',
    code: `// Modern autograd: requires_grad on a leaf, ops build a graph,
// backward() fills .grad.
const x = torch.tensor([[1, 2], [3, 4]], { requires_grad: true });
const y = x.mul(x).add(x.mul(3)); // y = x² + 3x
const out = y.sum();
print(out);

out.backward();
print(x.grad); // dy/dx = 2x + 3

show(y, 'y'); // see it in the Tensors pane
`,
  },
  {
    id: 'requires-grad',
    title: 'requires_grad propagation',
    code: `// A result requires grad as soon as any input does.
torch.manual_seed(0);
const a = torch.randn(2, 2); // requires_grad defaults to false
const b = torch.randn(2, 2, { requires_grad: true });

const c = a.add(1);
const d = a.mul(b);
print('c.requires_grad:', c.requires_grad, '| grad_fn:', c.grad_fn);
print('d.requires_grad:', d.requires_grad, '| grad_fn:', d.grad_fn.name);

// detach() cuts a tensor out of the graph.
const e = d.detach();
print('e.requires_grad:', e.requires_grad, '| is_leaf:', e.is_leaf);
show(d, 'd');
`,
  },
  {
    id: 'volatile',
    title: 'volatile vs no_grad',
    code: `// PyTorch 0.3's volatile: spreads to every result and wins over
// requires_grad. Modern code uses torch.no_grad instead.
const w = Variable(torch.ones(2), { requires_grad: true });
const inputs = Variable(torch.ones(2), { volatile: true });

const y = w.mul(inputs);
print('volatile:', y.volatile, '| requires_grad:', y.requires_grad);

// The modern way: no graph is recorded inside no_grad.
const z = torch.no_grad(() => w.mul(2));
print('inside no_grad  requires_grad:', z.requires_grad);
print('outside         requires_grad:', w.mul(2).requires_grad);
`,
  },
  {
    id: 'retain-graph',
    title: 'retain_graph and accumulation',
    code: `// Gradients accumulate across backward passes; the graph's buffers
// are freed after a pass unless retain_graph is set.
const x = torch.tensor([1, 2, 3], { requires_grad: true });
const y = x.pow(2).sum();

y.backward(null, { retain_graph: true });
print('after one pass:  ', x.grad); // 2x

y.backward(); // accumulates, then frees the graph
print('after two passes:', x.grad); // 4x

try {
  y.backward(); // the graph is gone now
} catch (e) {
  print('Error:', e.message);
}

x.grad = null; // reset before the next step
`,
  },
  {
    id: 'hooks',
    title: 'Hooks and retain_grad',
    code: `// Non-leaf tensors don't keep .grad unless you ask; hooks see the
// gradient as it flows and may replace it.
const x = torch.tensor([1, 2, 3], { requires_grad: true });
const h = x.mul(2);
h.retain_grad(); // keep h.grad after backward

h.register_hook((g) => print('gradient reaching h:', g));
const handle = x.register_hook((g) => g.mul(10)); // scale x's gradient

h.pow(2).sum().backward();
print('h.grad:', h.grad); // 2h
print('x.grad:', x.grad); // 10 * 2 * 2h

handle.remove();
`,
  },
  {
    id: 'higher-order',
    title: 'Higher-order gradients',
    code: `// create_graph records the backward pass itself, so a gradient
// can be differentiated again.
const x = torch.tensor(2.0, { requires_grad: true });
const y = x.pow(3); // y = x³

const [dy] = torch.autograd.grad([y], [x], { create_graph: true });
print('dy/dx   =', dy.item()); // 3x² = 12

const [d2y] = torch.autograd.grad([dy], [x]);
print('d²y/dx² =', d2y.item()); // 6x = 12
`,
  },
  {
    id: 'gradcheck',
    title: 'gradcheck',
    code: `// gradcheck compares autograd's gradients with finite differences
// (in float64) and throws on the first mismatch.
torch.manual_seed(0);
const x = torch.randn(3, { dtype: 'float64', requires_grad: true });
const w = torch.randn(3, 3, { dtype: 'float64', requires_grad: true });

const f = (x, w) => w.matmul(x).tanh().sum();
print('gradcheck:', torch.autograd.gradcheck(f, [x, w]));
`,
  },
  {
    id: 'xor',
    title: 'Train a tiny MLP on XOR',
    code: `// A 2-8-1 network learns XOR with Adam; plot() draws the loss.
torch.manual_seed(0);
const X = torch.tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
const Y = torch.tensor([[0], [1], [1], [0]]);

const model = new torch.nn.Sequential(
  new torch.nn.Linear(2, 8), new torch.nn.Tanh(),
  new torch.nn.Linear(8, 1), new torch.nn.Sigmoid(),
);
const opt = new torch.optim.Adam(model.parameters(), { lr: 0.05 });

const losses = [];
for (let step = 0; step < 300; step++) {
  opt.zero_grad();
  const loss = F.binary_cross_entropy(model(X), Y);
  loss.backward();
  opt.step();
  losses.push(loss.item());
}
plot({ loss: losses }, { title: 'training loss' });
print('final loss:', losses.at(-1).toFixed(4));
print(torch.no_grad(() => model(X))); // near [0, 1, 1, 0]
`,
  },
];

export const EXAMPLES = [...PYTHON_EXAMPLES, ...TRAINING_PYTHON,
  ...[...JAVASCRIPT_EXAMPLES, ...TRAINING_JAVASCRIPT].map((e) => ({ ...e, language: 'javascript' }))];

// The example a first visit opens in each language.
export const DEFAULT_EXAMPLE = { python: 'py-tutorial', javascript: 'tutorial' };
