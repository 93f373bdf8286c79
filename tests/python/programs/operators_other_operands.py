import torch

t = torch.ones(2)
print(t == None, t != None, t == "a", t == [1, 1], t != (1, 1))
print(t in [None, "x", t], None in [t], [t].index(t))
for expr in ["t < [1, 2]", "t >= None", "t + [1, 1]", "[1, 1] + t", "t - (1, 1)", "t * None", "t / 'a'",
             "t ** 'a'", "2 ** t", "t // None", "t % 'a'", "'a' % t", "t @ 3", "None - t", "t & 'a'", "t | None"]:
    try:
        print(expr, "->", eval(expr))
    except TypeError as e:
        print(expr, "-> TypeError:", e)
x = torch.ones(2)
for stmt in ["x += [1, 1]", "x -= None", "x *= 'a'", "x /= (2, 2)"]:
    try:
        exec(stmt)
    except TypeError as e:
        print(stmt, "-> TypeError:", e)
print(x)
