// Installs the public surfaces the op table (engine/ops.def) names: Tensor
// methods of rows with one obvious JS form (a unary op is `x.name()`), the
// aliases, the `torch.<name>` function forms and the torch.nn.functional
// forms of methods. Ops whose JS form takes options or overloads are written
// by hand (tensor-ops.js, torch.js, functional.js); those win, and
// tests/js/op-table.test.js checks that every name of the table exists.
import { ALIASES, JS_OPS, OPS } from 'gradlab:op-table';
import { M, fail } from './runtime.js';

const has = (row, surface) => row.surfaces.includes(surface);

/** Tensor methods of `unary` rows and every alias (P: Tensor.prototype). */
export function installMethods(P, adopt) {
  for (const row of OPS) {
    if (!has(row, 'm') || row.sig !== 'unary' || Object.hasOwn(P, row.name)) continue;
    const raw = `_${row.name}`;
    P[row.name] = function () { return adopt(M[raw](this._handle())); };
  }
  for (const alias of ALIASES) if (has(alias, 'm')) P[alias.name] = P[alias.target];
}

const rows = () => [...OPS, ...ALIASES, ...JS_OPS];

/**
 * torch.<name>(input, ...rest) == input.<name>(...rest); a number, boolean or
 * array as input becomes a tensor for the duration of the call (`operand`
 * makes it, the caller's helper). In-place forms take only a tensor.
 */
export function installFunctionForms(torch, Tensor, operand) {
  for (const { name, surfaces } of rows()) {
    if (!surfaces.includes('t') || Object.hasOwn(torch, name)) continue;
    if (name.endsWith('_')) {
      torch[name] = (input, ...rest) => {
        if (!(input instanceof Tensor)) fail(`${name}(): argument 'input' (position 1) must be Tensor, not ${input === null ? 'None' : typeof input}`);
        return input[name](...rest);
      };
      continue;
    }
    torch[name] = (input, ...rest) => {
      if (input instanceof Tensor) return input[name](...rest);
      if (typeof input === 'number' || typeof input === 'boolean' || Array.isArray(input)) {
        const t = operand(input);
        try {
          return t[name](...rest);
        } finally {
          t.dispose();
        }
      }
      return fail(`${name}(): argument 'input' must be Tensor, not ${input === null ? 'None' : typeof input}`);
    };
  }
}

/** F.<name>(x, ...rest) == x.<name>(...rest) for the methods the table also lists under "F". */
export function installFunctional(F) {
  for (const { name, surfaces } of rows()) {
    if (!surfaces.includes('F') || !surfaces.includes('m') || Object.hasOwn(F, name)) continue;
    F[name] = (x, ...rest) => x[name](...rest);
  }
}

/** Names by surface, for the Python layer and tools: { methods, functions, functional, unary (out of place) }. */
export function surfaces() {
  const pick = (s) => rows().filter((r) => r.surfaces.includes(s)).map((r) => r.name);
  return {
    methods: pick('m'),
    functions: pick('t'),
    functional: pick('F'),
    unary: OPS.filter((r) => r.sig === 'unary' && has(r, 'm') && !r.name.endsWith('_')).map((r) => r.name),
  };
}
