import copy
import io
import pickle
import torch
from torch import nn

torch.manual_seed(0)
x = torch.tensor([1.0, 2.0], requires_grad=True)
(x * 3).sum().backward()
y = copy.deepcopy(x)
print(y, y.requires_grad, y.grad, y is x, y.grad is x.grad)
del x
print(y + 1)
model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
best = copy.deepcopy(model.state_dict())
clone = copy.deepcopy(model)
print(type(clone[0].weight).__name__, clone[0].weight is model[0].weight, torch.equal(clone[0].weight, model[0].weight))
with torch.no_grad():
    model[0].weight.add_(1.0)
print(torch.equal(best["0.weight"] + 1, model[0].weight), list(best))
model.load_state_dict(best)
print(torch.equal(model[0].weight, clone[0].weight))
try:
    copy.deepcopy(y * 2)
except RuntimeError as e:
    print("RuntimeError:", e)
print(copy.copy(torch.arange(3)), pickle.loads(pickle.dumps(torch.tensor(2.5))), pickle.loads(pickle.dumps(torch.zeros(0, 2))).shape)

torch.save(model.state_dict(), "/tmp/gradlab-serialization-test.pt")
restored = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
print(restored.load_state_dict(torch.load("/tmp/gradlab-serialization-test.pt")))
print(torch.equal(restored(torch.ones(1, 2)), model(torch.ones(1, 2))))
buffer = io.BytesIO()
torch.save({"epoch": 3, "w": torch.ones(2, dtype=torch.int64), "p": nn.Parameter(torch.ones(1))}, buffer)
buffer.seek(0)
checkpoint = torch.load(buffer, map_location="cpu")
print(checkpoint["epoch"], checkpoint["w"], checkpoint["p"])
try:
    torch.load("missing.pt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.strerror, e.filename)
