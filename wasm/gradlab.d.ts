// Type declarations for the gradlab package: PyTorch-style autograd on a
// WebAssembly engine. Hand-written; every export has a doc comment and an example.

/** Element types: float32 (default), float64, and int64/bool for indices and comparison results. */
export type DType = 'float32' | 'float64' | 'int64' | 'bool';
/** dtype names and the aliases PyTorch accepts. */
export type DTypeLike = DType | 'float' | 'double' | 'long' | 'torch.float32' | 'torch.float64' | 'torch.int64' | 'torch.bool';
/** Nested arrays of numbers or booleans. */
export type NestedArray = number | boolean | NestedArray[];
/** Anything torch.tensor accepts. */
export type TensorData = NestedArray | Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array | NDArray;
/** Plain numbers broadcast like 0-d tensors. */
export type Operand = Tensor | number | boolean;
/** Options accepted by the creation functions. */
export interface CreationOptions { dtype?: DTypeLike; requires_grad?: boolean; volatile?: boolean }
/** One dim or several. */
export type Dims = number | number[];
/** Options of the reductions. */
export interface ReduceOptions { dim?: Dims; keepdim?: boolean }
/** var/std keywords: correction 0 is unbiased: false. */
export interface VarianceOptions extends ReduceOptions { unbiased?: boolean; correction?: number }
/** max(dim)/min(dim): also destructurable as [values, indices]. */
export type ValuesIndices = [Tensor, Tensor] & { values: Tensor; indices: Tensor };
/**
 * One index of Tensor.at: an integer, null (= ':'), a slice string ('1:3', '::2', '-2:'), '...' or 'None'
 * (basic indexing, a view); or an int64 index tensor, a bool mask, or an array of their values
 * (advanced indexing, PyTorch's x[rows, cols] and x[mask]: a copy).
 */
export type IndexItem = number | null | string | Tensor | NestedArray[];
/** The loss reduction. */
export interface ReductionOptions { reduction?: 'none' | 'mean' | 'sum' }

/**
 * Options of nll_loss / NLLLoss: class weights (1-D, one per class) and a target value to skip.
 * @example F.nll_loss(logp, labels, { weight: torch.tensor([1, 2, 1]), ignore_index: -100 })
 */
export interface NLLLossOptions extends ReductionOptions { weight?: Tensor; ignore_index?: number }

/**
 * Options of cross_entropy / CrossEntropyLoss: NLLLossOptions plus label smoothing in [0, 1].
 * @example F.cross_entropy(logits, labels, { label_smoothing: 0.1 })
 */
export interface CrossEntropyOptions extends NLLLossOptions { label_smoothing?: number }

/** An int-or-tuple size argument: one value for every spatial dim, or one per dim. */
export type Size = number | number[];
export interface ConvOptions { bias?: Tensor | null; stride?: Size; padding?: Size | 'same' | 'valid'; dilation?: Size; groups?: number }
export interface ConvTransposeOptions { bias?: Tensor | null; stride?: Size; padding?: Size; output_padding?: Size; groups?: number; dilation?: Size }
export interface MaxPoolOptions { kernel_size?: Size; stride?: Size | null; padding?: Size; dilation?: Size; ceil_mode?: boolean; return_indices?: boolean }
export interface AvgPoolOptions { kernel_size?: Size; stride?: Size | null; padding?: Size; ceil_mode?: boolean; count_include_pad?: boolean; divisor_override?: number | null }
export interface PadOptions { mode?: 'constant' | 'reflect' | 'replicate' | 'circular'; value?: number | null }
export interface BatchNormOptions { weight?: Tensor | null; bias?: Tensor | null; training?: boolean; momentum?: number; eps?: number }
export interface NormOptions { weight?: Tensor | null; bias?: Tensor | null; eps?: number }
export interface EmbeddingOptions { padding_idx?: number | null }
export interface DropoutOptions { p?: number; training?: boolean; inplace?: boolean }
export interface SortOptions { dim?: number; descending?: boolean; stable?: boolean | null }
export interface TopkOptions { k?: number; dim?: number; largest?: boolean; sorted?: boolean }

/**
 * GradlabError: every engine failure, with PyTorch's message where it has one.
 * @example try { torch.ones(3).add(torch.ones(2)); } catch (e) { if (e instanceof GradlabError) console.log(e.message); }
 */
export declare class GradlabError extends Error {
  constructor(message: string);
  name: 'GradlabError';
}

/**
 * A grad_fn node of the autograd graph (PyTorch's Node). Like a tensor it owns
 * an engine handle (which keeps the graph's saved tensors alive): freed by the
 * torch.tidy that read it, by dispose(), or once it is garbage-collected.
 * `y.grad_fn === y.grad_fn` holds while the object is live.
 * @example const [[next, inputNr]] = y.grad_fn!.next_functions;
 */
export interface GradNode {
  /** e.g. 'MulBackward0', 'AccumulateGrad'. */
  readonly name: string;
  /** [node, input_nr] per input; node is null for an input that needs no gradient. */
  readonly next_functions: ReadonlyArray<readonly [GradNode | null, number]>;
  /** The leaf tensor of an AccumulateGrad node. */
  readonly variable?: Tensor;
  /** Frees the engine handle now; idempotent. @example y.grad_fn!.dispose() */
  dispose(): void;
  readonly isDisposed: boolean;
}

/** What register_hook returns. @example const h = y.register_hook(g => g.mul(2)); h.remove(); */
export interface RemovableHandle { remove(): void }

/** Options of Tensor.backward. @example y.backward(undefined, { retain_graph: true }) */
export interface BackwardOptions { retain_graph?: boolean; create_graph?: boolean }

/**
 * A tensor: a handle to engine memory. Free it with dispose() or torch.tidy; a
 * FinalizationRegistry frees forgotten tensors eventually.
 * @example const x = torch.tensor([[1, 2], [3, 4]], { requires_grad: true }); x.mul(x).mean().backward();
 */
export declare class Tensor {
  private constructor();
  /** Sizes. @example torch.zeros(2, 3).shape // [2, 3] */
  readonly shape: number[];
  /** @example torch.zeros(2).dtype // 'float32' */
  readonly dtype: DType;
  /** Number of dimensions. @example torch.zeros(2, 3).ndim // 2 */
  readonly ndim: number;
  /** Always 'cpu'. @example x.device */
  readonly device: 'cpu';
  /** Settable on leaves only. @example x.requires_grad = true */
  requires_grad: boolean;
  /** Legacy (PyTorch 0.3): volatile results record no graph. @example Variable(t, { volatile: true }).volatile */
  volatile: boolean;
  /** @example x.is_leaf */
  readonly is_leaf: boolean;
  /** Whether retain_grad() was called. @example y.retains_grad */
  readonly retains_grad: boolean;
  /** Accumulated gradient or null; assign null to reset. @example x.grad = null */
  grad: Tensor | null;
  /** The node that made this tensor, or null for leaves. @example y.grad_fn?.name */
  readonly grad_fn: GradNode | null;
  /** Shares storage, never requires grad. @example x.data.numpy() */
  readonly data: Tensor;
  /** All dims reversed. @example m.T */
  readonly T: Tensor;
  /** Last two dims swapped. @example m.mT */
  readonly mT: Tensor;
  /** In-place modification counter. @example x._version */
  readonly _version: number;
  /** Whether dispose() ran. @example t.isDisposed */
  readonly isDisposed: boolean;

  /** @example x.size() // [2, 3]; x.size(1) // 3 */
  size(): number[];
  size(dim: number): number;
  /** @example x.dim() */
  dim(): number;
  /** @example x.numel() */
  numel(): number;
  /** @example x.nelement() */
  nelement(): number;
  /** Bytes per element. @example x.element_size() */
  element_size(): number;
  /** @example x.is_floating_point() */
  is_floating_point(): boolean;

  /** The only value as a number (boolean for bool). @example x.sum().item() */
  item(): number | boolean;
  /** Nested arrays of the values. @example x.tolist() */
  tolist(): any;
  /** A copy as an NDArray; throws for a tensor that requires grad. @example x.detach().numpy() */
  numpy(): NDArray;
  /** PyTorch's repr (or 0.3's format for legacy tensors). @example String(x) */
  toString(): string;
  /** @example JSON.stringify(x) */
  toJSON(): any;
  /** Frees the engine memory now; idempotent. @example x.dispose() */
  dispose(): void;

  /** @example x.add(y, { alpha: 2 }); x.add(1) */
  add(other: Operand, options?: { alpha?: number }): Tensor;
  /** @example x.sub(1) */
  sub(other: Operand, options?: { alpha?: number }): Tensor;
  /** other - this. @example x.rsub(1) */
  rsub(other: Operand): Tensor;
  /** @example x.mul(2) */
  mul(other: Operand): Tensor;
  /** @example x.div(y) */
  div(other: Operand): Tensor;
  /** @example x.pow(2) */
  pow(exponent: Operand): Tensor;
  /** @example x.multiply(2) */
  multiply(other: Operand): Tensor;
  /** @example x.divide(2) */
  divide(other: Operand): Tensor;
  /** @example x.subtract(2) */
  subtract(other: Operand, options?: { alpha?: number }): Tensor;
  /** @example x.true_divide(2) */
  true_divide(other: Operand): Tensor;
  /** @example x.maximum(y) */
  maximum(other: Operand): Tensor;
  /** @example x.minimum(y) */
  minimum(other: Operand): Tensor;
  /** @example x.neg() */ neg(): Tensor;
  /** @example x.negative() */ negative(): Tensor;
  /** @example x.abs() */ abs(): Tensor;
  /** @example x.square() */ square(): Tensor;
  /** @example x.sqrt() */ sqrt(): Tensor;
  /** @example x.rsqrt() */ rsqrt(): Tensor;
  /** @example x.reciprocal() */ reciprocal(): Tensor;
  /** @example x.exp() */ exp(): Tensor;
  /** @example x.log() */ log(): Tensor;
  /** @example x.log1p() */ log1p(): Tensor;
  /** @example x.expm1() */ expm1(): Tensor;
  /** @example x.sin() */ sin(): Tensor;
  /** @example x.cos() */ cos(): Tensor;
  /** @example x.tan() */ tan(): Tensor;
  /** @example x.tanh() */ tanh(): Tensor;
  /** @example x.sigmoid() */ sigmoid(): Tensor;
  /** @example x.relu() */ relu(): Tensor;
  /** @example x.gelu() */ gelu(): Tensor;
  /** x * sigmoid(x). @example x.silu() */ silu(): Tensor;
  /** @example x.sign() */ sign(): Tensor;
  /** Rounds down. Integer tensors come back as a copy; zero gradient. @example x.floor() */ floor(): Tensor;
  /** Rounds up. @example x.ceil() */ ceil(): Tensor;
  /** Rounds half to even; `decimals` rounds to that many digits (negative: to tens, hundreds…). @example x.round({ decimals: 2 }) */
  round(options?: { decimals?: number }): Tensor;
  /** Rounds toward zero. @example x.trunc() */ trunc(): Tensor;
  /** Alias of trunc. @example x.fix() */ fix(): Tensor;
  /** x - trunc(x), floating dtypes. @example x.frac() */ frac(): Tensor;
  /** A bool tensor: true at NaN. @example x.isnan() */ isnan(): Tensor;
  /** A bool tensor: true at ±Infinity. @example x.isinf() */ isinf(): Tensor;
  /** A bool tensor: true where finite. @example x.isfinite() */ isfinite(): Tensor;
  /** The lower triangle of the last two dims, the rest 0; `diagonal` > 0 keeps more above the diagonal. @example torch.ones(3, 3).tril() */
  tril(diagonal?: number | { diagonal?: number }): Tensor;
  /** The upper triangle of the last two dims, the rest 0. @example x.triu(1) */
  triu(diagonal?: number | { diagonal?: number }): Tensor;
  /** @example x.leaky_relu(0.2) */ leaky_relu(negative_slope?: number): Tensor;
  /** @example x.elu(1) */ elu(alpha?: number): Tensor;
  /** @example x.softplus(1, 20) */
  softplus(beta?: number | { beta?: number; threshold?: number }, threshold?: number): Tensor;
  /** @example x.clamp(0, 1); x.clamp({ min: 0 }) */
  clamp(min?: number | null | { min?: number | null; max?: number | null }, max?: number | null): Tensor;
  /** @example x.clip(0, 1) */
  clip(min?: number | null | { min?: number | null; max?: number | null }, max?: number | null): Tensor;
  /** torch.where(condition, this, other). @example x.where(x.gt(0), 0) */
  where(condition: Tensor, other: Operand): Tensor;

  /** @example x.eq(2) */ eq(other: Operand): Tensor;
  /** @example x.ne(2) */ ne(other: Operand): Tensor;
  /** @example x.lt(2) */ lt(other: Operand): Tensor;
  /** @example x.le(2) */ le(other: Operand): Tensor;
  /** @example x.gt(2) */ gt(other: Operand): Tensor;
  /** @example x.ge(2) */ ge(other: Operand): Tensor;
  /** Same shape and values. @example x.equal(y) */ equal(other: Tensor): boolean;
  /** @example x.allclose(y, { atol: 1e-6 }) */
  allclose(other: Tensor, options?: { rtol?: number; atol?: number; equal_nan?: boolean }): boolean;

  /** @example x.sum(); x.sum(1, true); x.sum({ dim: [0, 1] }) */
  sum(dim?: Dims | ReduceOptions | null, keepdim?: boolean | ReduceOptions): Tensor;
  /** @example x.mean(0) */
  mean(dim?: Dims | ReduceOptions | null, keepdim?: boolean | ReduceOptions): Tensor;
  /** @example x.prod(1) */
  prod(dim?: number | ReduceOptions | null, keepdim?: boolean | ReduceOptions): Tensor;
  /** PyTorch's order: (dim, unbiased = true, keepdim = false), or (unbiased) alone; keywords in an options object. @example x.var(1, false, true) */
  var(dim?: Dims | boolean | VarianceOptions | null, unbiased?: boolean | VarianceOptions, keepdim?: boolean | VarianceOptions, options?: VarianceOptions): Tensor;
  /** The square root of var(), with the same arguments. @example x.std({ dim: 0, unbiased: false }) */
  std(dim?: Dims | boolean | VarianceOptions | null, unbiased?: boolean | VarianceOptions, keepdim?: boolean | VarianceOptions, options?: VarianceOptions): Tensor;
  /** p-norm, PyTorch's argument order (p = 2). @example x.norm(); x.norm(1, 0); x.norm({ dim: 1 }) */
  norm(p?: number | 'fro' | 'inf' | (ReduceOptions & { p?: number }) | null, dim?: Dims | null, keepdim?: boolean): Tensor;
  /** @example x.logsumexp(1) */
  logsumexp(dim: Dims | ReduceOptions, keepdim?: boolean | ReduceOptions): Tensor;
  /** @example x.amax(1) */
  amax(dim?: Dims | ReduceOptions, keepdim?: boolean | ReduceOptions): Tensor;
  /** @example x.amin(1) */
  amin(dim?: Dims | ReduceOptions, keepdim?: boolean | ReduceOptions): Tensor;
  /** Global max, {values, indices} along a dim, or elementwise maximum with a tensor. @example const { values, indices } = x.max(1); */
  max(): Tensor;
  max(other: Tensor): Tensor;
  max(dim: number | ReduceOptions, keepdim?: boolean | ReduceOptions): ValuesIndices;
  /** @example const [values, indices] = x.min(0); */
  min(): Tensor;
  min(other: Tensor): Tensor;
  min(dim: number | ReduceOptions, keepdim?: boolean | ReduceOptions): ValuesIndices;
  /** @example x.argmax(1) */
  argmax(dim?: number | ReduceOptions | null, keepdim?: boolean | ReduceOptions): Tensor;
  /** @example x.argmin() */
  argmin(dim?: number | ReduceOptions | null, keepdim?: boolean | ReduceOptions): Tensor;

  /** @example a.matmul(b) */ matmul(other: Tensor): Tensor;
  /** @example a.mm(b) */ mm(other: Tensor): Tensor;
  /** @example a.bmm(b) */ bmm(other: Tensor): Tensor;
  /** @example a.mv(v) */ mv(vec: Tensor): Tensor;
  /** @example a.dot(b) */ dot(other: Tensor): Tensor;
  /** @example a.outer(b) */ outer(other: Tensor): Tensor;
  /** @example a.t() */ t(): Tensor;

  /** @example x.reshape(2, -1); x.reshape([2, 3]) */ reshape(...shape: number[] | [number[]]): Tensor;
  /** @example x.view(-1) */ view(...shape: number[] | [number[]]): Tensor;
  /** @example x.view_as(y) */ view_as(other: Tensor): Tensor;
  /** @example x.reshape_as(y) */ reshape_as(other: Tensor): Tensor;
  /** @example x.expand(3, -1) */ expand(...sizes: number[] | [number[]]): Tensor;
  /** @example x.expand_as(y) */ expand_as(other: Tensor): Tensor;
  /** @example x.repeat(2, 1) */ repeat(...sizes: number[] | [number[]]): Tensor;
  /** @example x.permute(2, 0, 1) */ permute(...dims: number[] | [number[]]): Tensor;
  /** Reverses the order along each of dims (FlipBackward0). @example x.flip(0, 1) */ flip(...dims: number[] | [number[]] | [{ dims: number[] }]): Tensor;
  /** @example x.flatten(1) */ flatten(start_dim?: number, end_dim?: number): Tensor;
  /** @example x.transpose(0, 1) */ transpose(dim0: number, dim1: number): Tensor;
  /** @example x.swapaxes(0, 1) */ swapaxes(dim0: number, dim1: number): Tensor;
  /** @example x.squeeze(); x.squeeze(0) */ squeeze(dim?: number | null): Tensor;
  /** @example x.unsqueeze(-1) */ unsqueeze(dim: number): Tensor;
  /** @example x.contiguous() */ contiguous(): Tensor;
  /** @example x.clone() */ clone(): Tensor;
  /** Pieces of a size, or of the given sizes. @example x.split(2); x.split([1, 3], 1) */
  split(split_size: number | number[], dim?: number): Tensor[];
  /** @example x.chunk(3) */ chunk(chunks: number, dim?: number): Tensor[];
  /** @example x.unbind(0) */ unbind(dim?: number): Tensor[];

  /** @example x.select(0, 1) */ select(dim: number, index: number): Tensor;
  /** @example x.narrow(1, 0, 2) */ narrow(dim: number, start: number, length: number): Tensor;
  /** @example x.index_select(0, idx) */ index_select(dim: number, index: Tensor): Tensor;
  /** @example x.gather(1, idx) */ gather(dim: number, index: Tensor): Tensor;
  /** @example x.masked_fill(x.lt(0), 0) */ masked_fill(mask: Tensor, value: number | Tensor): Tensor;
  /** @example x.index_add(0, idx, src) */ index_add(dim: number, index: Tensor, source: Tensor): Tensor;
  /** @example x.scatter_add(0, idx, src) */ scatter_add(dim: number, index: Tensor, source: Tensor): Tensor;
  /** A copy with `values` written (or added, with accumulate) at x[indices]: one int64 index tensor or bool mask per leading dim, null for a whole dim. @example x.index_put([rows, cols], torch.tensor([1, 2])) */
  index_put(indices: (Tensor | null)[], values: Tensor, options?: { accumulate?: boolean }): Tensor;
  /** In place: x[indices] = values. @example x.index_put_([x.gt(0)], torch.tensor(0)) */
  index_put_(indices: (Tensor | null)[], values: Tensor, options?: { accumulate?: boolean }): this;
  /** Coordinates of the nonzero elements, [n, dim] int64; as_tuple: one 1-D tensor per dim. @example x.nonzero() */
  nonzero(): Tensor;
  nonzero(options: { as_tuple: true }): Tensor[];
  nonzero(options: { as_tuple?: boolean }): Tensor | Tensor[];
  /** NumPy-style indexing, basic and (with index tensors, masks or arrays) advanced. @example x.at(0, null, '1:3', '::2'); x.at([0, 2], null); x.at(x.gt(0)) */
  at(...items: IndexItem[]): Tensor;

  /** @example x.to('float64'); x.to(y); x.to({ dtype: 'float64' }) */
  to(target: DTypeLike | 'cpu' | Tensor | { dtype?: DTypeLike }): Tensor;
  /** @example x.float() */ float(): Tensor;
  /** @example x.double() */ double(): Tensor;
  /** @example x.long() */ long(): Tensor;
  /** @example x.bool() */ bool(): Tensor;
  /** @example x.type_as(y) */ type_as(other: Tensor): Tensor;

  /** @example w.add_(g, { alpha: -0.1 }) */ add_(other: Operand, options?: { alpha?: number }): this;
  /** @example w.sub_(1) */ sub_(other: Operand, options?: { alpha?: number }): this;
  /** @example w.mul_(0.9) */ mul_(other: Operand): this;
  /** @example w.div_(2) */ div_(other: Operand): this;
  /** @example w.clamp_(0, 1) */ clamp_(min?: number | null | { min?: number | null; max?: number | null }, max?: number | null): this;
  /** @example x.grad!.zero_() */ zero_(): this;
  /** @example w.fill_(1) */ fill_(value: number | boolean | Tensor): this;
  /** @example w.copy_(src) */ copy_(src: Tensor | NestedArray): this;
  /** @example w.uniform_(-1, 1) */ uniform_(from?: number, to?: number): this;
  /** @example w.normal_(0, 0.01) */ normal_(mean?: number, std?: number): this;
  /** random_(): the dtype's full integer range; random_(to): [0, to); random_(from, to). @example torch.empty(3).random_(10) */ random_(from?: number, to?: number | null): this;
  /** Indices (int64) of num_samples draws per row of (unnormalised) probabilities. @example p.multinomial(5, true) */ multinomial(num_samples: number, replacement?: boolean | { replacement?: boolean }, options?: { replacement?: boolean }): Tensor;
  /** @example torch.ones(2).requires_grad_() */ requires_grad_(requires_grad?: boolean): this;

  /** @example x.softmax(1) */ softmax(dim: number): Tensor;
  /** @example x.log_softmax(1) */ log_softmax(dim: number): Tensor;
  /** Values and their indices along dim. @example const { values, indices } = x.sort(1, { descending: true }) */
  sort(dim?: number | SortOptions, descending?: boolean | SortOptions, options?: SortOptions): ValuesIndices;
  /** @example x.argsort(-1, { descending: true }) */ argsort(dim?: number | SortOptions, descending?: boolean | SortOptions, options?: SortOptions): Tensor;
  /** The k largest (or smallest) along dim. @example const [v, i] = x.topk(3) */ topk(k: number | TopkOptions, dim?: number | TopkOptions, ...rest: Array<boolean | TopkOptions>): ValuesIndices;
  /** @example x.cumsum(0) */ cumsum(dim: number | { dim: number; dtype?: DTypeLike }, options?: { dtype?: DTypeLike }): Tensor;
  /** Running products along dim; integer and bool inputs multiply as int64 unless dtype is given. @example x.cumprod(0) */ cumprod(dim: number | { dim: number; dtype?: DTypeLike }, options?: { dtype?: DTypeLike }): Tensor;
  /** Counts of each value of a 1-d int64 tensor. @example labels.bincount({ minlength: 10 }) */ bincount(weights?: Tensor | null | { weights?: Tensor | null; minlength?: number }, minlength?: number): Tensor;

  /** @example loss.backward(); y.backward(torch.ones(3), { retain_graph: true }) */
  backward(gradient?: Tensor | NestedArray | null | BackwardOptions, options?: BackwardOptions): void;
  /** Keep .grad of a non-leaf. @example y.retain_grad() */
  retain_grad(): void;
  /** Called with the gradient; a returned tensor replaces it. @example const h = y.register_hook(g => g.mul(2)); */
  register_hook(hook: (grad: Tensor | null) => Tensor | void | null | undefined): RemovableHandle;
  /** @example y.detach() */ detach(): Tensor;
  /** @example y.detach_() */ detach_(): this;
}

/**
 * With TypeScript's esnext.disposable lib a Tensor is Disposable:
 * `using x = torch.ones(2)` frees x at scope end ([Symbol.dispose]). Without
 * that lib this adds nothing, so the declarations compile for ES2022 too.
 * @example { using x = torch.ones(2); console.log(x.sum().item()); }
 */
export interface Tensor extends Disposable {}
declare global {
  interface Disposable {}
}

/**
 * What tensor.numpy() returns: a copy of the values, printed as NumPy does.
 * @example const a = torch.tensor([1, 2]).numpy(); String(a) // '[1. 2.]'
 */
export declare class NDArray {
  /** @example new NDArray(new Float64Array([1, 2, 3, 4]), [2, 2]) */
  constructor(data: Float32Array | Float64Array | BigInt64Array | Uint8Array, shape?: number[], dtype?: DType, legacy?: boolean);
  /** @example a.shape */ readonly shape: number[];
  /** @example a.dtype */ readonly dtype: DType;
  /** @example a.ndim */ readonly ndim: number;
  /** Number of elements. @example a.size */ readonly size: number;
  /** The array's own buffer (as NumPy's a.data, writes change the array). @example a.data[0] */
  readonly data: Float32Array | Float64Array | BigInt64Array | Uint8Array;
  /** NumPy's str(a). @example String(a) */ toString(): string;
  /** NumPy's repr(a). @example a.repr() // 'array([1., 2.], dtype=float32)' */ repr(): string;
  /** @example a.tolist() */ tolist(): any;
  /** @example a.item() */ item(): number | boolean;
  /** np.set_printoptions for all arrays. @example NDArray.set_printoptions({ precision: 3 }) */
  static set_printoptions(options: { precision?: number; threshold?: number; edgeitems?: number; linewidth?: number; suppress?: boolean; legacy?: false | '1.13' }): void;
}

/** A torch.nn module: callable (`model(x)` runs forward). */
export interface Module {
  (...inputs: any[]): any;
  /** @example model.forward(x) */ forward(...inputs: any[]): any;
  /** @example opt = torch.optim.SGD(model.parameters(), { lr: 0.1 }) */ parameters(): Tensor[];
  /** @example model.named_parameters() // [['0.weight', w], ...] */ named_parameters(prefix?: string): Array<[string, Tensor]>;
  /** @example model.children() */ children(): Module[];
  /** @example model.named_children() */ named_children(): Array<[string, Module]>;
  /** @example model.modules() */ modules(): Module[];
  /** @example model.named_modules() // [['', model], ['fc', fc], ...] */ named_modules(prefix?: string): Array<[string, Module]>;
  /** @example bn.named_buffers() // [['running_mean', t], ...] */ named_buffers(prefix?: string): Array<[string, Tensor]>;
  /** @example bn.buffers() */ buffers(): Tensor[];
  /** State that is not a parameter (saved in state_dict). @example this.register_buffer('mask', torch.ones(3)) */ register_buffer(name: string, tensor: Tensor | null, persistent?: boolean): void;
  /** Parameters and buffers by name; fresh detached handles sharing the module's storage (free them). @example const sd = torch.tidy(() => model.state_dict()) */ state_dict(): Record<string, Tensor>;
  /** Copies values in; PyTorch's key and size checks. @example model.load_state_dict(sd) */ load_state_dict(state: Record<string, Tensor>, options?: boolean | { strict?: boolean }): { missing_keys: string[]; unexpected_keys: string[] };
  /** Calls fn on every submodule, then this module. @example model.apply((m) => { if (m instanceof torch.nn.Linear) torch.nn.init.zeros_(m.bias); }) */ apply(fn: (m: Module) => void): this;
  /** Sets every parameter's grad to null. @example model.zero_grad() */ zero_grad(): void;
  /** @example model.train() */ train(mode?: boolean): this;
  /** @example model.eval() */ eval(): this;
  /** @example model.training */ training: boolean;
  /** @example String(model) */ toString(): string;
  [key: string]: any;
}
/** Options of the convolution modules (PyTorch's keyword arguments). */
export interface ConvModuleOptions {
  stride?: number | number[]; padding?: number | number[] | 'same' | 'valid'; dilation?: number | number[];
  groups?: number; bias?: boolean; padding_mode?: 'zeros' | 'reflect' | 'replicate' | 'circular';
}
/** Options of BatchNorm1d/2d; momentum null keeps a cumulative average. */
export interface BatchNormModuleOptions { eps?: number; momentum?: number | null; affine?: boolean; track_running_stats?: boolean }
/** kaiming_uniform_/kaiming_normal_ options. */
export interface KaimingOptions { a?: number; mode?: 'fan_in' | 'fan_out'; nonlinearity?: string }
/** A module class, usable with or without `new`. */
export interface ModuleClass<A extends any[] = any[]> {
  new (...args: A): Module;
  (...args: A): Module;
}

/** An optimizer over parameters. */
export interface Optimizer {
  /** @example opt.step() */ step(closure?: () => any): any;
  /** @example opt.zero_grad() */ zero_grad(): void;
  /** @example opt.param_groups[0].lr = 0.01 */ param_groups: Array<Record<string, any> & { params: Tensor[] }>;
  /** Per-parameter state (step, exp_avg, ...), owned by the optimizer. @example opt.state.get(w).exp_avg */ state: Map<Tensor, Record<string, any>>;
  /** @example opt.add_param_group({ params: [w2], lr: 0.01 }) */ add_param_group(group: { params: Tensor | Iterable<Tensor> } & Record<string, any>): void;
  /** PyTorch's layout: parameters by index across groups; the state's tensors are the optimizer's own. @example const sd = opt.state_dict() */
  state_dict(): { state: Record<number, Record<string, any>>; param_groups: Array<Record<string, any> & { params: number[] }> };
  /** Copies options and (cloned) state. @example opt2.load_state_dict(opt.state_dict()) */ load_state_dict(state: { state: Record<number, Record<string, any>>; param_groups: Array<Record<string, any> & { params: number[] }> }): void;
}
/** A learning-rate scheduler; step() after optimizer.step(). */
export interface LRScheduler {
  /** @example sched.step() */ step(): void;
  /** @example sched.get_last_lr() // [0.05] */ get_last_lr(): number[];
  /** @example sched.last_epoch */ last_epoch: number;
  /** @example sched.base_lrs */ base_lrs: number[];
  /** @example sched.state_dict() */ state_dict(): Record<string, any>;
  /** @example sched.load_state_dict(state) */ load_state_dict(state: Record<string, any>): void;
}
/** A scheduler class, usable with or without `new`. */
export interface LRSchedulerClass<A extends any[]> {
  new (optimizer: Optimizer, ...args: A): LRScheduler;
  (optimizer: Optimizer, ...args: A): LRScheduler;
}
/** torch.optim.lr_scheduler.ReduceLROnPlateau: steps on a metric. */
export interface ReduceLROnPlateau {
  /** @example sched.step(validationLoss) */ step(metrics: number | Tensor): void;
  /** @example sched.num_bad_epochs */ num_bad_epochs: number;
  /** @example sched.best */ best: number;
  /** @example sched.state_dict() */ state_dict(): Record<string, any>;
  /** @example sched.load_state_dict(state) */ load_state_dict(state: Record<string, any>): void;
}
/** A data set: getitem(i) and length. */
export interface Dataset {
  /** @example ds.getitem(0) // [x0, y0] */ getitem(index: number): any;
  /** @example ds.length */ readonly length: number;
}
/** torch.utils.data.DataLoader: iterable over batches. */
export interface DataLoader extends Iterable<any> {
  /** Number of batches. @example loader.length */ readonly length: number;
  /** @example loader.dataset */ dataset: Dataset;
  /** @example loader.batch_size */ batch_size: number | null;
}
/** An optimizer class, usable with or without `new`. */
export interface OptimizerClass<O> {
  new (params: Iterable<Tensor> | Array<{ params: Iterable<Tensor> } & Partial<O>>, options?: O): Optimizer;
  (params: Iterable<Tensor> | Array<{ params: Iterable<Tensor> } & Partial<O>>, options?: O): Optimizer;
}

/** torch.nn.functional. @example F.relu(x); F.cross_entropy(logits, labels) */
export interface Functional {
  /** @example F.relu(x) */ relu(x: Tensor): Tensor;
  /** @example F.sigmoid(x) */ sigmoid(x: Tensor): Tensor;
  /** @example F.tanh(x) */ tanh(x: Tensor): Tensor;
  /** @example F.gelu(x) — approximate: 'none' only (the engine has the erf form) */ gelu(x: Tensor, options?: { approximate?: 'none' }): Tensor;
  /** @example F.silu(x) */ silu(x: Tensor): Tensor;
  /** @example F.elu(x, 1) */ elu(x: Tensor, alpha?: number): Tensor;
  /** @example F.leaky_relu(x, 0.01) */ leaky_relu(x: Tensor, negative_slope?: number): Tensor;
  /** @example F.softplus(x, { beta: 2 }) */ softplus(x: Tensor, beta?: number | { beta?: number; threshold?: number }, threshold?: number): Tensor;
  /** @example F.softmax(x, 1) */ softmax(x: Tensor, dim: number | { dim: number }): Tensor;
  /** @example F.log_softmax(x, 1) */ log_softmax(x: Tensor, dim: number | { dim: number }): Tensor;
  /** @example F.linear(x, w, b) */ linear(x: Tensor, weight: Tensor, bias?: Tensor | null): Tensor;
  /** @example F.mse_loss(y, t) */ mse_loss(input: Tensor, target: Tensor, options?: ReductionOptions): Tensor;
  /** @example F.l1_loss(y, t) */ l1_loss(input: Tensor, target: Tensor, options?: ReductionOptions): Tensor;
  /** input [C], [N, C] or [N, C, d1, ...]; target class indices. @example F.nll_loss(logp, labels) */ nll_loss(input: Tensor, target: Tensor, options?: NLLLossOptions): Tensor;
  /** target: class indices, or class probabilities of the input's shape. @example F.cross_entropy(logits, labels, { label_smoothing: 0.1 }) */ cross_entropy(input: Tensor, target: Tensor, options?: CrossEntropyOptions): Tensor;
  /** @example F.binary_cross_entropy(p, t) */ binary_cross_entropy(input: Tensor, target: Tensor, options?: ReductionOptions): Tensor;
  /** @example F.binary_cross_entropy_with_logits(z, t) */ binary_cross_entropy_with_logits(input: Tensor, target: Tensor, options?: ReductionOptions): Tensor;
  /** input [N, C, L] or [C, L]; weight [O, C/groups, k]. @example F.conv1d(x, w, b, { padding: 1 }) */ conv1d(input: Tensor, weight: Tensor, bias?: Tensor | null | ConvOptions, ...rest: Array<Size | string | ConvOptions>): Tensor;
  /** input [N, C, H, W] or [C, H, W]; weight [O, C/groups, kh, kw]. @example F.conv2d(x, w, null, { stride: 2, padding: 'same' }) */ conv2d(input: Tensor, weight: Tensor, bias?: Tensor | null | ConvOptions, ...rest: Array<Size | string | ConvOptions>): Tensor;
  /** weight [Cin, Cout/groups, kh, kw]. @example F.conv_transpose2d(x, w, null, { stride: 2 }) */ conv_transpose2d(input: Tensor, weight: Tensor, bias?: Tensor | null | ConvTransposeOptions, ...rest: Array<Size | ConvTransposeOptions>): Tensor;
  /** @example F.max_pool1d(x, 2) */ max_pool1d(input: Tensor, kernel_size: Size | MaxPoolOptions, ...rest: Array<Size | boolean | null | MaxPoolOptions>): any;
  /** [values, indices] when return_indices. @example F.max_pool2d(x, 2); const [y, idx] = F.max_pool2d(x, 2, { return_indices: true }) */ max_pool2d(input: Tensor, kernel_size: Size | MaxPoolOptions, ...rest: Array<Size | boolean | null | MaxPoolOptions>): any;
  /** @example F.avg_pool1d(x, 3, { stride: 2 }) */ avg_pool1d(input: Tensor, kernel_size: Size | AvgPoolOptions, ...rest: Array<Size | boolean | null | AvgPoolOptions>): Tensor;
  /** @example F.avg_pool2d(x, 2, { count_include_pad: false }) */ avg_pool2d(input: Tensor, kernel_size: Size | AvgPoolOptions, ...rest: Array<Size | boolean | number | null | AvgPoolOptions>): Tensor;
  /** null in output_size keeps that input size. @example F.adaptive_avg_pool2d(x, [1, 1]) */ adaptive_avg_pool2d(input: Tensor, output_size: number | Array<number | null>): Tensor;
  /** @example F.adaptive_max_pool2d(x, 2, { return_indices: true }) */ adaptive_max_pool2d(input: Tensor, output_size: number | Array<number | null>, return_indices?: boolean | { return_indices?: boolean }): any;
  /** (before, after) pairs from the last dim. @example F.pad(x, [1, 1, 2, 0], { mode: 'reflect' }) */ pad(input: Tensor, pad: number[], ...rest: Array<string | number | null | PadOptions>): Tensor;
  /** Updates running_mean/running_var in place when training. @example F.batch_norm(x, rm, rv, { weight: w, bias: b, training: true }) */ batch_norm(input: Tensor, running_mean: Tensor | null, running_var: Tensor | null, ...rest: Array<Tensor | null | boolean | number | BatchNormOptions>): Tensor;
  /** @example F.layer_norm(x, [5], { weight: w, bias: b }) */ layer_norm(input: Tensor, normalized_shape: Size, ...rest: Array<Tensor | null | number | NormOptions>): Tensor;
  /** @example F.group_norm(x, 2) */ group_norm(input: Tensor, num_groups: number, ...rest: Array<Tensor | null | number | NormOptions>): Tensor;
  /** input: int64 indices; weight [num_embeddings, dim]. @example F.embedding(idx, table, { padding_idx: 0 }) */ embedding(input: Tensor, weight: Tensor, padding_idx?: number | null | EmbeddingOptions): Tensor;
  /** int64 [*input.shape, num_classes]. @example F.one_hot(labels, 10) */ one_hot(input: Tensor, num_classes?: number | { num_classes?: number }): Tensor;
  /** PyTorch's mask for the same seed. @example F.dropout(x, 0.2, { training: false }) */ dropout(input: Tensor, p?: number | DropoutOptions, ...rest: Array<boolean | DropoutOptions>): Tensor;
  /** Zeroes whole channels of [N, C, *]. @example F.dropout2d(x, 0.5) */ dropout2d(input: Tensor, p?: number | DropoutOptions, ...rest: Array<boolean | DropoutOptions>): Tensor;
  /** @example F.cosine_similarity(a, b, { dim: 1 }) */ cosine_similarity(x1: Tensor, x2: Tensor, dim?: number | { dim?: number; eps?: number }, eps?: number): Tensor;
  /** @example F.smooth_l1_loss(y, t, { beta: 0.5 }) */ smooth_l1_loss(input: Tensor, target: Tensor, options?: ReductionOptions & { beta?: number }): Tensor;
  /** @example F.huber_loss(y, t, { delta: 2 }) */ huber_loss(input: Tensor, target: Tensor, options?: { reduction?: 'none' | 'mean' | 'sum'; delta?: number }): Tensor;
  /** @example F.kl_div(logp, q, { reduction: 'batchmean' }) */ kl_div(input: Tensor, target: Tensor, options?: { reduction?: 'none' | 'mean' | 'sum' | 'batchmean'; log_target?: boolean }): Tensor;
}

type SizeArgs = number[] | [number[]] | [...number[], CreationOptions] | [number[], CreationOptions];
type Fn1 = (input: Tensor | number | NestedArray, ...args: any[]) => any;

/** The torch namespace. @example import { torch } from 'gradlab'; torch.ones(2, 3) */
export interface Torch {
  /** The tensor class, for instanceof. @example x instanceof torch.Tensor */ Tensor: typeof Tensor;
  /** @example torch.NDArray */ NDArray: typeof NDArray;
  /** @example torch.GradlabError */ GradlabError: typeof GradlabError;
  /** dtype constants. @example torch.zeros(2, { dtype: torch.float64 }) */
  float32: 'float32'; float: 'float32'; float64: 'float64'; double: 'float64'; int64: 'int64'; long: 'int64'; bool: 'bool';

  /** @example torch.tensor([[1, 2], [3, 4]], { requires_grad: true }) */ tensor(data: TensorData | Tensor, options?: CreationOptions): Tensor;
  /** @example torch.as_tensor([1, 2]) */ as_tensor(data: TensorData | Tensor, options?: CreationOptions): Tensor;
  /** @example torch.from_numpy(a) */ from_numpy(array: NDArray): Tensor;
  /** PyTorch 0.3's constructor (prints in 0.3's format). @example torch.FloatTensor([[1, 2], [3, 4]]) */ FloatTensor(data: TensorData | number, ...sizes: number[]): Tensor;
  /** @example torch.DoubleTensor([1, 2]) */ DoubleTensor(data: TensorData | number, ...sizes: number[]): Tensor;
  /** @example torch.LongTensor([1, 2]) */ LongTensor(data: TensorData | number, ...sizes: number[]): Tensor;
  /** @example torch.zeros(2, 3); torch.zeros([2, 3], { dtype: 'float64' }) */ zeros(...args: SizeArgs): Tensor;
  /** @example torch.ones(2, 3) */ ones(...args: SizeArgs): Tensor;
  /** @example torch.empty(4) */ empty(...args: SizeArgs): Tensor;
  /** @example torch.rand(2, 2) */ rand(...args: SizeArgs): Tensor;
  /** @example torch.randn(3) */ randn(...args: SizeArgs): Tensor;
  /** @example torch.full([2, 2], 7) */ full(size: number[] | number, value: number | boolean, options?: CreationOptions): Tensor;
  /** [low, high) int64. @example torch.randint(0, 10, [5]) */ randint(low: number, high: number, size: number[], options?: CreationOptions): Tensor;
  /** @example torch.arange(5); torch.arange(0, 1, 0.25) */ arange(...args: number[] | [...number[], CreationOptions]): Tensor;
  /** @example torch.linspace(0, 1, 5) */ linspace(start: number, end: number, steps: number, options?: CreationOptions): Tensor;
  /** @example torch.eye(3) */ eye(n: number, m?: number | CreationOptions, options?: CreationOptions): Tensor;
  /** @example torch.zeros_like(x) */ zeros_like(t: Tensor, options?: CreationOptions): Tensor;
  /** @example torch.ones_like(x) */ ones_like(t: Tensor, options?: CreationOptions): Tensor;
  /** @example torch.rand_like(x) */ rand_like(t: Tensor, options?: CreationOptions): Tensor;
  /** @example torch.randn_like(x) */ randn_like(t: Tensor, options?: CreationOptions): Tensor;
  /** @example torch.full_like(x, 2) */ full_like(t: Tensor, value: number, options?: CreationOptions): Tensor;
  /** Same numbers as PyTorch's CPU generator. @example torch.manual_seed(0) */ manual_seed(seed: number): void;

  /** @example torch.where(x.gt(0), x, 0) */ where(condition: Tensor, a: Operand, b: Operand): Tensor;
  /** @example torch.allclose(a, b, { atol: 1e-6 }) */ allclose(a: Tensor, b: Tensor, options?: { rtol?: number; atol?: number; equal_nan?: boolean }): boolean;
  /** @example torch.cat([a, b], 0) */ cat(tensors: Tensor[], dim?: number): Tensor;
  /** @example torch.concat([a, b]) */ concat(tensors: Tensor[], dim?: number): Tensor;
  /** @example torch.stack([a, b], 1) */ stack(tensors: Tensor[], dim?: number): Tensor;

  /** Runs fn without recording; or, without fn, returns a scope to exit. @example const y = torch.no_grad(() => x.mul(2)); */
  no_grad<T>(fn: () => T): T;
  no_grad(): { exit(): void };
  /** @example torch.enable_grad(() => x.mul(2)) */
  enable_grad<T>(fn: () => T): T;
  enable_grad(): { exit(): void };
  /** @example torch.set_grad_enabled(false) */ set_grad_enabled(enabled: boolean): { exit(): void };
  /** @example torch.is_grad_enabled() */ is_grad_enabled(): boolean;
  /** torch.autograd. @example const [g] = torch.autograd.grad(y, [x]); */
  autograd: {
    /** @example torch.autograd.grad(y, [x], { create_graph: true }) */
    grad(outputs: Tensor | Tensor[], inputs: Tensor | Tensor[], options?: { grad_outputs?: Tensor | Tensor[] | null; retain_graph?: boolean; create_graph?: boolean; allow_unused?: boolean }): Array<Tensor | null>;
    /** float64 inputs; true or throws. @example torch.autograd.gradcheck((a) => a.sin().sum(), [x]) */
    gradcheck(fn: (...inputs: Tensor[]) => Tensor | Tensor[], inputs: Tensor | Tensor[], options?: { eps?: number; atol?: number; rtol?: number }): boolean;
    /** @example torch.autograd.Variable(t) */ Variable: typeof Variable;
  };

  /** torch.nn. @example const model = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.ReLU()); */
  nn: {
    /**
     * A module parameter: shares data's storage and requires grad unless told not to;
     * prints as "Parameter containing:" and the tensor.
     * @example const w = torch.nn.Parameter(torch.zeros(2, 3)); torch.nn.Parameter(t, false)
     */
    Parameter: {
      (data: Tensor, requires_grad?: boolean | { requires_grad?: boolean }): Tensor;
      new (data: Tensor, requires_grad?: boolean | { requires_grad?: boolean }): Tensor;
    };
    /** Base class. @example class Net extends torch.nn.Module { forward(x) { return x; } } */
    Module: ModuleClass<[]>;
    /** @example torch.nn.Linear(3, 2, { bias: false }) */ Linear: ModuleClass<[in_features: number, out_features: number, options?: { bias?: boolean }]>;
    /** @example torch.nn.Sequential(a, b) */ Sequential: ModuleClass<Module[]>;
    /** @example torch.nn.ReLU() */ ReLU: ModuleClass<[]>;
    /** @example torch.nn.Tanh() */ Tanh: ModuleClass<[]>;
    /** @example torch.nn.Sigmoid() */ Sigmoid: ModuleClass<[]>;
    /** @example torch.nn.GELU() */ GELU: ModuleClass<[approximate?: 'none' | { approximate?: 'none' }]>;
    /** x * sigmoid(x). @example torch.nn.SiLU() */ SiLU: ModuleClass<[]>;
    /** @example torch.nn.Softmax(1); torch.nn.Softmax({ dim: 1 }) */ Softmax: ModuleClass<[dim?: number | null | { dim?: number | null }]>;
    /** @example torch.nn.LogSoftmax(1) */ LogSoftmax: ModuleClass<[dim?: number | null | { dim?: number | null }]>;
    /** Active in train(), the identity in eval(). @example torch.nn.Dropout(0.5) */ Dropout: ModuleClass<[p?: number | { p?: number; inplace?: boolean }, options?: { inplace?: boolean }]>;
    /** Zeroes whole channels. @example torch.nn.Dropout2d(0.2) */ Dropout2d: ModuleClass<[p?: number | { p?: number; inplace?: boolean }, options?: { inplace?: boolean }]>;
    /** @example torch.nn.Identity() */ Identity: ModuleClass<any[]>;
    /** @example torch.nn.Flatten(); torch.nn.Flatten(0, -1) */ Flatten: ModuleClass<[start_dim?: number | { start_dim?: number; end_dim?: number }, end_dim?: number]>;
    /** @example torch.nn.Unflatten(1, [16, 4, 4]) */ Unflatten: ModuleClass<[dim: number, unflattened_size: number[]]>;
    /** Iterable; `list.length`, `list[0]`. @example torch.nn.ModuleList([a, b]) */ ModuleList: ModuleClass<[modules?: Iterable<Module>]>;
    /** keys()/values()/items(), get(key). @example torch.nn.ModuleDict({ cls: head }) */ ModuleDict: ModuleClass<[modules?: Record<string, Module> | Map<string, Module>]>;
    /** @example new torch.nn.Conv1d(16, 33, 3, { stride: 2 }) */ Conv1d: ModuleClass<[in_channels: number, out_channels: number, kernel_size: number | number[], options?: ConvModuleOptions]>;
    /** @example new torch.nn.Conv2d(1, 6, 5, { stride: 1, padding: 2 }) */ Conv2d: ModuleClass<[in_channels: number, out_channels: number, kernel_size: number | number[], options?: ConvModuleOptions]>;
    /** @example new torch.nn.ConvTranspose2d(16, 8, 3, { stride: 2, padding: 1, output_padding: 1 }) */ ConvTranspose2d: ModuleClass<[in_channels: number, out_channels: number, kernel_size: number | number[], options?: ConvModuleOptions & { output_padding?: number | number[] }]>;
    /** @example new torch.nn.MaxPool2d(2) */ MaxPool2d: ModuleClass<[kernel_size: number | number[], options?: { stride?: number | number[] | null; padding?: number | number[]; dilation?: number | number[]; return_indices?: boolean; ceil_mode?: boolean }]>;
    /** @example new torch.nn.AvgPool2d(2) */ AvgPool2d: ModuleClass<[kernel_size: number | number[], options?: { stride?: number | number[] | null; padding?: number | number[]; ceil_mode?: boolean; count_include_pad?: boolean; divisor_override?: number | null }]>;
    /** @example new torch.nn.AdaptiveAvgPool2d([1, 1]) */ AdaptiveAvgPool2d: ModuleClass<[output_size: number | Array<number | null>]>;
    /** Buffers running_mean, running_var, num_batches_tracked. @example new torch.nn.BatchNorm1d(64, { momentum: null }) */ BatchNorm1d: ModuleClass<[num_features: number, options?: BatchNormModuleOptions]>;
    /** @example new torch.nn.BatchNorm2d(6) */ BatchNorm2d: ModuleClass<[num_features: number, options?: BatchNormModuleOptions]>;
    /** @example new torch.nn.LayerNorm(10); new torch.nn.LayerNorm([4, 4], { eps: 1e-6 }) */ LayerNorm: ModuleClass<[normalized_shape: number | number[], options?: { eps?: number; elementwise_affine?: boolean }]>;
    /** @example new torch.nn.GroupNorm(2, 6) */ GroupNorm: ModuleClass<[num_groups: number, num_channels: number, options?: { eps?: number; affine?: boolean }]>;
    /** Weight N(0, 1); the padding row zero and never updated. @example new torch.nn.Embedding(10, 3, { padding_idx: 0 }) */ Embedding: ModuleClass<[num_embeddings: number, embedding_dim: number, options?: { padding_idx?: number | null }]>;
    /** torch.nn.init: in-place initialisers drawing PyTorch's numbers. @example torch.nn.init.kaiming_uniform_(w, { a: Math.sqrt(5) }) */
    init: {
      /** @example torch.nn.init.calculate_gain('relu') */ calculate_gain(nonlinearity: string, param?: number | null): number;
      /** @example torch.nn.init.uniform_(w, -0.1, 0.1) */ uniform_(tensor: Tensor, a?: number | { a?: number; b?: number }, b?: number): Tensor;
      /** @example torch.nn.init.normal_(w, 0, 0.02) */ normal_(tensor: Tensor, mean?: number | { mean?: number; std?: number }, std?: number): Tensor;
      /** @example torch.nn.init.constant_(b, 0.1) */ constant_(tensor: Tensor, val: number | { val: number }): Tensor;
      /** @example torch.nn.init.ones_(w) */ ones_(tensor: Tensor): Tensor;
      /** @example torch.nn.init.zeros_(b) */ zeros_(tensor: Tensor): Tensor;
      /** @example torch.nn.init.xavier_uniform_(w, torch.nn.init.calculate_gain('tanh')) */ xavier_uniform_(tensor: Tensor, gain?: number | { gain?: number }): Tensor;
      /** @example torch.nn.init.xavier_normal_(w) */ xavier_normal_(tensor: Tensor, gain?: number | { gain?: number }): Tensor;
      /** @example torch.nn.init.kaiming_uniform_(w, { mode: 'fan_in', nonlinearity: 'relu' }) */ kaiming_uniform_(tensor: Tensor, a?: number | KaimingOptions, mode?: 'fan_in' | 'fan_out', nonlinearity?: string): Tensor;
      /** @example torch.nn.init.kaiming_normal_(w, { mode: 'fan_out', nonlinearity: 'relu' }) */ kaiming_normal_(tensor: Tensor, a?: number | KaimingOptions, mode?: 'fan_in' | 'fan_out', nonlinearity?: string): Tensor;
      /** @example torch.nn.init._calculate_fan_in_and_fan_out(w) // [fan_in, fan_out] */ _calculate_fan_in_and_fan_out(tensor: Tensor): [number, number];
    };
    /** @example torch.nn.MSELoss() */ MSELoss: ModuleClass<[options?: ReductionOptions]>;
    /** @example torch.nn.L1Loss() */ L1Loss: ModuleClass<[options?: ReductionOptions]>;
    /** @example torch.nn.CrossEntropyLoss({ label_smoothing: 0.1 }) */ CrossEntropyLoss: ModuleClass<[options?: CrossEntropyOptions]>;
    /** @example torch.nn.NLLLoss({ ignore_index: 0 }) */ NLLLoss: ModuleClass<[options?: NLLLossOptions]>;
    /** @example torch.nn.BCELoss() */ BCELoss: ModuleClass<[options?: ReductionOptions]>;
    /** @example torch.nn.BCEWithLogitsLoss() */ BCEWithLogitsLoss: ModuleClass<[options?: ReductionOptions]>;
    /** @example torch.nn.functional.relu(x) */ functional: Functional;
  };
  /** torch.optim. @example const opt = torch.optim.Adam(model.parameters(), { lr: 1e-3 }); */
  optim: {
    /** @example torch.optim.SGD(params, { lr: 0.1, momentum: 0.9 }) */
    SGD: OptimizerClass<{ lr?: number; momentum?: number; dampening?: number; weight_decay?: number; nesterov?: boolean }>;
    /** @example torch.optim.Adam(params, { lr: 1e-3, betas: [0.9, 0.999], amsgrad: true }) */
    Adam: OptimizerClass<{ lr?: number; betas?: [number, number]; eps?: number; weight_decay?: number; amsgrad?: boolean; maximize?: boolean }>;
    /** Decoupled weight decay. @example torch.optim.AdamW(params, { lr: 1e-3, weight_decay: 0.01 }) */
    AdamW: OptimizerClass<{ lr?: number; betas?: [number, number]; eps?: number; weight_decay?: number; amsgrad?: boolean; maximize?: boolean }>;
    /** @example torch.optim.RMSprop(params, { lr: 0.01, momentum: 0.9, centered: true }) */
    RMSprop: OptimizerClass<{ lr?: number; alpha?: number; eps?: number; weight_decay?: number; momentum?: number; centered?: boolean; maximize?: boolean }>;
    /** @example torch.optim.Adagrad(params, { lr: 0.01, lr_decay: 0.001 }) */
    Adagrad: OptimizerClass<{ lr?: number; lr_decay?: number; weight_decay?: number; initial_accumulator_value?: number; eps?: number; maximize?: boolean }>;
    /** @example const sched = torch.optim.lr_scheduler.StepLR(opt, 10, { gamma: 0.5 }) */
    lr_scheduler: {
      /** @example torch.optim.lr_scheduler.StepLR(opt, 10, { gamma: 0.5 }) */ StepLR: LRSchedulerClass<[step_size: number, options?: { gamma?: number; last_epoch?: number }]>;
      /** @example torch.optim.lr_scheduler.MultiStepLR(opt, [30, 80], { gamma: 0.1 }) */ MultiStepLR: LRSchedulerClass<[milestones: number[], options?: { gamma?: number; last_epoch?: number }]>;
      /** @example torch.optim.lr_scheduler.ExponentialLR(opt, 0.9) */ ExponentialLR: LRSchedulerClass<[gamma: number, options?: { last_epoch?: number }]>;
      /** @example torch.optim.lr_scheduler.CosineAnnealingLR(opt, 50, { eta_min: 1e-5 }) */ CosineAnnealingLR: LRSchedulerClass<[T_max: number, options?: { eta_min?: number; last_epoch?: number }]>;
      /** @example torch.optim.lr_scheduler.LambdaLR(opt, (epoch) => 0.95 ** epoch) */ LambdaLR: LRSchedulerClass<[lr_lambda: ((epoch: number) => number) | Array<(epoch: number) => number>, options?: { last_epoch?: number }]>;
      /** @example torch.optim.lr_scheduler.ReduceLROnPlateau(opt, { patience: 2, factor: 0.5 }) */ ReduceLROnPlateau: {
        new (optimizer: Optimizer, options?: { mode?: 'min' | 'max'; factor?: number; patience?: number; threshold?: number; threshold_mode?: 'rel' | 'abs'; cooldown?: number; min_lr?: number | number[]; eps?: number; verbose?: boolean }): ReduceLROnPlateau;
        (optimizer: Optimizer, options?: { mode?: 'min' | 'max'; factor?: number; patience?: number; threshold?: number; threshold_mode?: 'rel' | 'abs'; cooldown?: number; min_lr?: number | number[]; eps?: number; verbose?: boolean }): ReduceLROnPlateau;
      };
    };
  };
  /** torch.utils.data. @example for (const [x, y] of torch.utils.data.DataLoader(ds, { batch_size: 32, shuffle: true })) {} */
  utils: {
    data: {
      /** @example torch.utils.data.TensorDataset(x, y) */ TensorDataset: { new (...tensors: Tensor[]): Dataset & { tensors: Tensor[] }; (...tensors: Tensor[]): Dataset & { tensors: Tensor[] } };
      /** @example torch.utils.data.Subset(ds, [0, 2, 4]) */ Subset: { new (dataset: Dataset, indices: number[]): Dataset; (dataset: Dataset, indices: number[]): Dataset };
      /** Batches in PyTorch's order for the same seed. @example torch.utils.data.DataLoader(ds, { batch_size: 64, shuffle: true, drop_last: true }) */
      DataLoader: { new (dataset: Dataset, options?: { batch_size?: number | null; shuffle?: boolean; drop_last?: boolean }): DataLoader; (dataset: Dataset, options?: { batch_size?: number | null; shuffle?: boolean; drop_last?: boolean }): DataLoader };
      /** Lengths, or fractions summing to 1. @example const [train, test] = torch.utils.data.random_split(ds, [0.8, 0.2]) */ random_split(dataset: Dataset, lengths: number[]): Dataset[];
    };
  };
  /** A random permutation of 0..n-1 (PyTorch's for the same seed). @example torch.randperm(10) */ randperm(n: number, options?: CreationOptions): Tensor;
  /** @example torch.multinomial(probs, 3) */ multinomial(input: Tensor, num_samples: number, replacement?: boolean | { replacement?: boolean }, options?: { replacement?: boolean }): Tensor;

  /** Tensor print options; style 'legacy' prints every tensor as PyTorch 0.3 did. @example torch.set_printoptions({ precision: 2 }) */
  set_printoptions(options: { precision?: number; threshold?: number; edgeitems?: number; linewidth?: number; sci_mode?: boolean | null; profile?: 'default' | 'short' | 'full'; style?: 'modern' | 'legacy' | 'auto' }): void;
  /** Frees every tensor (and grad_fn node) handed out in fn except those it returns. @example const y = torch.tidy(() => x.mul(2).add(1)); */
  tidy<T>(fn: () => T): T;
  /** Takes a tensor or grad_fn node out of the enclosing tidy scopes. @example torch.tidy(() => { state = torch.keep(x.clone()); }) */
  keep<T extends Tensor | GradNode>(t: T): T;
  /**
   * Live JS tensor handles, engine tensor bytes, live grad_fn node handles and hook functions the engine still holds.
   * @example torch.memory() // { tensors: 3, bytes: 48, nodes: 0, hooks: 0 }
   */
  memory(): { tensors: number; bytes: number; nodes: number; hooks: number };
  /** Size of the WebAssembly memory in bytes. @example torch._heap_bytes() */
  _heap_bytes(): number;
  /** Disposes tensors (or grad_fn nodes). @example torch.dispose([a, b]) */ dispose(tensors: Tensor | GradNode | Array<Tensor | GradNode>): void;

  /** Function forms of the tensor methods. @example torch.add(a, b); torch.mean(x, 1) */
  add: Fn1; sub: Fn1; mul: Fn1; div: Fn1; pow: Fn1; neg: Fn1; abs: Fn1; square: Fn1; sqrt: Fn1; rsqrt: Fn1;
  reciprocal: Fn1; exp: Fn1; log: Fn1; log1p: Fn1; expm1: Fn1; sin: Fn1; cos: Fn1; tan: Fn1; tanh: Fn1;
  sigmoid: Fn1; relu: Fn1; leaky_relu: Fn1; gelu: Fn1; silu: Fn1; elu: Fn1; softplus: Fn1; sign: Fn1; clamp: Fn1; clip: Fn1;
  maximum: Fn1; minimum: Fn1; eq: Fn1; ne: Fn1; lt: Fn1; le: Fn1; gt: Fn1; ge: Fn1; equal: Fn1; sum: Fn1;
  mean: Fn1; prod: Fn1; var: Fn1; std: Fn1; norm: Fn1; logsumexp: Fn1; amax: Fn1; amin: Fn1; max: Fn1; min: Fn1;
  argmax: Fn1; argmin: Fn1; matmul: Fn1; mm: Fn1; bmm: Fn1; mv: Fn1; dot: Fn1; outer: Fn1; t: Fn1; reshape: Fn1;
  flatten: Fn1; transpose: Fn1; permute: Fn1; flip: Fn1; squeeze: Fn1; unsqueeze: Fn1; clone: Fn1; split: Fn1; chunk: Fn1;
  select: Fn1; narrow: Fn1; index_select: Fn1; gather: Fn1; masked_fill: Fn1; index_add: Fn1; scatter_add: Fn1;
  index_put: Fn1; nonzero: Fn1;
  softmax: Fn1; log_softmax: Fn1; detach: Fn1; numel: Fn1; multiply: Fn1; divide: Fn1; subtract: Fn1;
  negative: Fn1; unbind: Fn1; swapaxes: Fn1; true_divide: Fn1;
  sort: Fn1; argsort: Fn1; topk: Fn1; cumsum: Fn1; cumprod: Fn1; bincount: Fn1;
  floor: Fn1; ceil: Fn1; round: Fn1; trunc: Fn1; fix: Fn1; frac: Fn1; isnan: Fn1; isinf: Fn1; isfinite: Fn1;
  tril: Fn1; triu: Fn1;
  /** In-place function forms. @example torch.zero_(x); torch.fill_(x, 2); torch.clamp_(x, 0, 1) */
  zero_(input: Tensor): Tensor;
  fill_(input: Tensor, value: number | boolean | Tensor): Tensor;
  clamp_(input: Tensor, min?: number | null | { min?: number | null; max?: number | null }, max?: number | null): Tensor;
}

/**
 * The torch namespace, ready on import (the module awaits the engine).
 * @example import { torch } from 'gradlab'; const x = torch.ones(2, { requires_grad: true });
 */
export declare const torch: Torch;

/**
 * PyTorch 0.3's Variable: returns a tensor sharing `data`'s storage that
 * prints as 'Variable containing:'. Callable with or without `new`.
 * @example const v = Variable(torch.FloatTensor([[1, 2], [3, 4]]), { requires_grad: true });
 */
export declare const Variable: {
  (data: Tensor | TensorData, options?: { requires_grad?: boolean; volatile?: boolean }): Tensor;
  new (data: Tensor | TensorData, options?: { requires_grad?: boolean; volatile?: boolean }): Tensor;
};

/** What datasets.mnist() takes: the split, and how many of its first digits. */
export interface MnistOptions {
  /** true (default): the training split, digits 0-7,999 of the file; false: the test split, digits 8,000-9,999. */
  train?: boolean;
  /** At most this many digits, the first of the split (default: all of it). */
  limit?: number | null;
}

/** Images and labels of MNIST digits, both owned by the caller (dispose them, or use torch.tidy). */
export interface MnistDigits {
  /** (N, 1, 28, 28) float32, pixel values in [0, 1] (k / 255, as torchvision's ToTensor gives). */
  images: Tensor;
  /** (N,) int64, the digit 0-9 each image shows. */
  labels: Tensor;
}

/**
 * Data sets to train on offline. `mnist` holds 10,000 MNIST handwritten digits
 * in a fixed shuffled order (8,000 train, 2,000 test), kept in their own file
 * (`gradlab/data/mnist.bin.gz`, 1.6 MB) that is read or fetched on the first
 * call only, never with the package.
 * @example const { images, labels } = await datasets.mnist({ train: true, limit: 1000 }); // images.shape: [1000, 1, 28, 28]
 */
export declare const datasets: {
  mnist(options?: MnistOptions): Promise<MnistDigits>;
};

/** The torch namespace as the default export. @example import torch from 'gradlab'; */
export default torch;
