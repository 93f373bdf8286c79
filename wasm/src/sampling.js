// torch.randperm, torch.multinomial, Tensor.multinomial and Tensor.random_:
// the engine's generator (engine/src/random.cpp), so the same seed gives
// PyTorch 1.13's numbers.
import { dtypeCode, isOptions, optionsArg } from './args.js';
import { M, check, fail } from './runtime.js';
import { Tensor, adopt } from './tensor.js';

const P = Tensor.prototype;

/** x.multinomial(num_samples, replacement = false) or (num_samples, {replacement}). */
P.multinomial = function (num_samples, replacement, options) {
  if (isOptions(replacement)) [options, replacement] = [replacement, undefined];
  options = optionsArg(options, 'multinomial()');
  if (!Number.isInteger(num_samples)) fail(`multinomial(): argument 'num_samples' must be int, not ${typeof num_samples}`);
  return adopt(M._multinomial(this._handle(), num_samples, Boolean(replacement ?? options.replacement ?? false)));
};

/** x.random_(): full range for the dtype; random_(to): [0, to); random_(from, to): [from, to). */
P.random_ = function (from, to) {
  const mode = from === undefined ? 0 : to === undefined || to === null ? 1 : 2;
  const [lo, hi] = mode === 1 ? [0, from] : [from ?? 0, to ?? 0];
  const extra = M._random_(this._handle(), mode, lo, hi);
  check();
  M._free_tensor(extra);
  return this;
};

/** torch.randperm(n, {dtype = 'int64', requires_grad}). */
export function randperm(n, options) {
  options = optionsArg(options, 'randperm()');
  if (!Number.isInteger(n)) fail(`randperm(): argument 'n' must be int, not ${typeof n}`);
  const t = adopt(M._randperm(n, dtypeCode(options.dtype, 2), 0));
  if (options.requires_grad) t.requires_grad = true;
  return t;
}

/**
 * randperm(n) from a fresh generator seeded with `seed` (an int64 scalar
 * tensor, read exactly by the engine): torch.randperm(n,
 * generator=torch.Generator().manual_seed(seed)), as DataLoader's shuffling uses it.
 */
export function randpermSeeded(n, seed) { return adopt(M._randperm(n, 2, seed._handle())); }

/** torch.multinomial(input, num_samples, replacement = false). */
export function multinomial(input, num_samples, replacement, options) {
  if (!(input instanceof Tensor)) fail(`multinomial(): argument 'input' (position 1) must be Tensor, not ${input === null ? 'None' : typeof input}`);
  return input.multinomial(num_samples, replacement, options);
}
