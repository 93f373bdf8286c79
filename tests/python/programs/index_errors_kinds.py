import torch

x = torch.ones(2, 3)
for expr in ["x[:, torch.tensor([True])]", "x[torch.tensor([True, False, True])]", "x[1.5]", "x[None, 2.0]",
             "x['a']", "x[1, 'a']", "x[{}]", "x[:, torch.tensor([True, True, False, True])]",
             "x[0, torch.tensor([True, True])]", "x[:, torch.tensor([True, False, True])]"]:
    try:
        print(expr, "->", eval(expr))
    except (IndexError, TypeError) as e:
        print(expr, "->", type(e).__name__, e)
y = torch.zeros(3)
for stmt in ["y[1.5] = 2", "y[torch.tensor([True])] = 2", "y['b'] = 1", "y[torch.tensor([False, True, True])] = 5"]:
    try:
        exec(stmt)
    except (IndexError, TypeError) as e:
        print(stmt, "->", type(e).__name__, e)
print(y)
