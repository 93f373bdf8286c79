// The examples in Python: the same programs as the JavaScript ones, written
// as a PyTorch user writes them. The first is the tutorial Gradlab grew from,
// verbatim (../shared/seed-tutorial.md), which prints PyTorch 0.3's output.
// The others print what PyTorch 1.13 prints for them, except where they show
// 0.3's own behaviour (volatile).
export const PYTHON_EXAMPLES = [
  {
    id: 'py-tutorial',
    language: 'python',
    title: 'The tutorial: Variable in PyTorch 0.3',
    code: `# The tutorial Gradlab grew from ("Variable in PyTorch, explained"),
# verbatim: it prints what PyTorch 0.3 printed.
import torch
from torch.autograd import Variable
tensor = torch.FloatTensor([[1,2],[3,4]])
variable = Variable(tensor, requires_grad=True)
print(tensor)
print(variable)
t_out = torch.mean(tensor*tensor)       # x^2
v_out = torch.mean(variable*variable)
print(t_out)
print(v_out)
v_out.backward()
print(variable.grad)
print(variable)
print(variable.data)
print(variable.data.numpy())
`,
  },
  {
    id: 'py-basics',
    language: 'python',
    title: 'Autograd basics',
    code: `# Modern autograd: requires_grad on a leaf, ops build a graph,
# backward() fills .grad.
import torch

x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
y = x * x + 3 * x  # y = x² + 3x
out = y.sum()
print(out)

out.backward()
print(x.grad)  # dy/dx = 2x + 3
# The Tensors and Graph panes show x, y and out by name.
`,
  },
  {
    id: 'py-requires-grad',
    language: 'python',
    title: 'requires_grad propagation',
    code: `# A result requires grad as soon as any input does.
import torch

torch.manual_seed(0)
a = torch.randn(2, 2)  # requires_grad defaults to False
b = torch.randn(2, 2, requires_grad=True)

c = a + 1
d = a * b
print('c.requires_grad:', c.requires_grad, '| grad_fn:', c.grad_fn)
print('d.requires_grad:', d.requires_grad, '| grad_fn:', d.grad_fn.name())

# detach() cuts a tensor out of the graph.
e = d.detach()
print('e.requires_grad:', e.requires_grad, '| is_leaf:', e.is_leaf)
`,
  },
  {
    id: 'py-volatile',
    language: 'python',
    title: 'volatile vs no_grad',
    code: `# PyTorch 0.3's volatile: spreads to every result and wins over
# requires_grad. Modern code uses torch.no_grad() instead.
import torch
from torch.autograd import Variable

w = Variable(torch.ones(2), requires_grad=True)
inputs = Variable(torch.ones(2), volatile=True)

y = w * inputs
print('volatile:', y.volatile, '| requires_grad:', y.requires_grad)

# The modern way: no graph is recorded inside no_grad.
with torch.no_grad():
    z = w * 2
print('inside no_grad  requires_grad:', z.requires_grad)
print('outside         requires_grad:', (w * 2).requires_grad)
`,
  },
  {
    id: 'py-retain-graph',
    language: 'python',
    title: 'retain_graph and accumulation',
    code: `# Gradients accumulate across backward passes; the graph's buffers
# are freed after a pass unless retain_graph is set.
import torch

x = torch.tensor([1., 2., 3.], requires_grad=True)
y = (x ** 2).sum()

y.backward(retain_graph=True)
print('after one pass:  ', x.grad)  # 2x

y.backward()  # accumulates, then frees the graph
print('after two passes:', x.grad)  # 4x

try:
    y.backward()  # the graph is gone now
except RuntimeError as e:
    print('Error:', str(e)[:51] + '…')

x.grad = None  # reset before the next step
`,
  },
  {
    id: 'py-hooks',
    language: 'python',
    title: 'Hooks and retain_grad',
    code: `# Non-leaf tensors don't keep .grad unless you ask; hooks see the
# gradient as it flows and may replace it.
import torch

x = torch.tensor([1., 2., 3.], requires_grad=True)
h = x * 2
h.retain_grad()  # keep h.grad after backward

h.register_hook(lambda g: print('gradient reaching h:', g))
handle = x.register_hook(lambda g: g * 10)  # scale x's gradient

(h ** 2).sum().backward()
print('h.grad:', h.grad)  # 2h
print('x.grad:', x.grad)  # 10 * 2 * 2h

handle.remove()
`,
  },
  {
    id: 'py-higher-order',
    language: 'python',
    title: 'Higher-order gradients',
    code: `# create_graph records the backward pass itself, so a gradient
# can be differentiated again.
import torch

x = torch.tensor(2.0, requires_grad=True)
y = x ** 3  # y = x³

dy, = torch.autograd.grad(y, x, create_graph=True)
print('dy/dx   =', dy.item())  # 3x² = 12

d2y, = torch.autograd.grad(dy, x)
print('d²y/dx² =', d2y.item())  # 6x = 12
`,
  },
  {
    id: 'py-gradcheck',
    language: 'python',
    title: 'gradcheck',
    code: `# gradcheck compares autograd's gradients with finite differences
# (in float64) and raises on the first mismatch.
import torch

torch.manual_seed(0)
x = torch.randn(3, dtype=torch.float64, requires_grad=True)
w = torch.randn(3, 3, dtype=torch.float64)  # a constant: only x is checked

def f(x, w):
    return (w @ x).tanh().sum()

print('gradcheck:', torch.autograd.gradcheck(f, (x, w)))
`,
  },
  {
    id: 'py-xor',
    language: 'python',
    title: 'Train a tiny MLP on XOR',
    code: `# A 2-8-1 network, written as an nn.Module, learns XOR with Adam.
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(0)
X = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
Y = torch.tensor([[0.], [1.], [1.], [0.]])

class MLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 8)
        self.fc2 = nn.Linear(8, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.tanh(self.fc1(x))))

model = MLP()
print(model)
opt = optim.Adam(model.parameters(), lr=0.05)

for step in range(300):
    opt.zero_grad()
    loss = F.binary_cross_entropy(model(X), Y)
    loss.backward()
    opt.step()
print('loss below 0.05:', loss.item() < 0.05)

with torch.no_grad():
    print((model(X) > 0.5).float())  # [0, 1, 1, 0]
`,
  },
];
