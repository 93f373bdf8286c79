// Classes that can be called without `new`, as PyTorch's can
// (`torch.nn.Linear(3, 2)` as well as `new torch.nn.Linear(3, 2)`).
export function callableClass(cls) {
  return new Proxy(cls, {
    apply(target, _thisArg, args) {
      return new target(...args);
    },
  });
}
