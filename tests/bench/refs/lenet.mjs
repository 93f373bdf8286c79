// B4's LeNet-5 training step in Gradlab and in TensorFlow.js, each written
// the way its users write it: Gradlab with PyTorch's functional forms and
// torch.optim.SGD inside torch.tidy; tfjs with tf.conv2d / tf.maxPool on
// NHWC images and an optimizer's minimize (tf.variableGrads underneath).
// Both start from the problem's PyTorch-layout weights (b4.mjs).
//
// lenetSteps() -> { [side name]: (problem) -> {run() -> loss, dispose()} }
import { LENET, LENET_PARAMS } from '../b4.mjs';

function gradlabStep(torch) {
  const F = torch.nn.functional;
  return (p) => {
    const { batch, size, lr } = LENET;
    const [x, targets, ...params] = torch.tidy(() => [
      torch.tensor(p.x).reshape(batch, 1, size, size),
      torch.tensor(Array.from(p.targets), { dtype: 'int64' }),
      ...LENET_PARAMS.map(([name, shape]) => torch.tensor(p.params[name]).reshape(shape).requires_grad_()),
    ]);
    const [c1w, c1b, c2w, c2b, f1w, f1b, f2w, f2b, f3w, f3b] = params;
    const sgd = new torch.optim.SGD(params, { lr });
    return {
      run: () => torch.tidy(() => {
        sgd.zero_grad();
        let h = F.max_pool2d(F.relu(F.conv2d(x, c1w, c1b)), 2);
        h = F.max_pool2d(F.relu(F.conv2d(h, c2w, c2b)), 2);
        h = h.flatten(1);
        h = F.relu(F.linear(h, f1w, f1b));
        h = F.relu(F.linear(h, f2w, f2b));
        const loss = F.cross_entropy(F.linear(h, f3w, f3b), targets);
        loss.backward();
        sgd.step();
        return loss.item();
      }),
      dispose: () => [x, targets, ...params].forEach((t) => t.dispose()),
    };
  };
}

// PyTorch's (out, in, kh, kw) filters as tfjs's (kh, kw, in, out); fc1's
// inputs reordered from PyTorch's flatten of (C, H, W) to tfjs's (H, W, C).
function tfjsWeights(p) {
  const conv = (w, [out, inC, k]) => {
    const t = new Float32Array(w.length);
    for (let o = 0; o < out; o++) for (let c = 0; c < inC; c++) for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
      t[((i * k + j) * inC + c) * out + o] = w[((o * inC + c) * k + i) * k + j];
    }
    return t;
  };
  const dense = (w, out, inputs, order = (i) => i) => {
    const t = new Float32Array(w.length);
    for (let o = 0; o < out; o++) for (let i = 0; i < inputs; i++) t[order(i) * out + o] = w[o * inputs + i];
    return t;
  };
  // PyTorch's flat index c*16 + h*4 + w is tfjs's (h*4 + w)*16 + c.
  const hwc = (i) => ((i % 16) * 16) + Math.floor(i / 16);
  return {
    c1w: conv(p['conv1.weight'], [6, 1, 5]), c2w: conv(p['conv2.weight'], [16, 6, 5]),
    f1w: dense(p['fc1.weight'], 120, 256, hwc), f2w: dense(p['fc2.weight'], 84, 120), f3w: dense(p['fc3.weight'], 10, 84),
  };
}

// tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter kernel, so a tf.conv2d
// filter cannot be trained on wasm as shipped ("Kernel 'Conv2DBackpropFilter'
// not registered for backend 'wasm'"). This one runs the wasm backend's own
// Conv3DBackpropFilterV2 (C++ in its wasm binary) on depth-1 views of the
// same buffers: NHWC x and dy as N×1×H×W×C, the filter as 1×kh×kw×in×out.
function registerWasmConv2dFilterGrad(tf) {
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm')) return;
  const conv3d = tf.getKernel('Conv3DBackpropFilterV2', 'wasm');
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc({ inputs: { x, dy }, backend, attrs }) {
      const { strides, pad, dataFormat, filterShape } = attrs;
      if ((dataFormat ?? 'NHWC') !== 'NHWC' || typeof pad !== 'string') throw new Error('B4: this Conv2DBackpropFilter handles NHWC with valid/same padding only');
      const [sh, sw] = typeof strides === 'number' ? [strides, strides] : strides;
      const depth1 = (t) => ({ dataId: t.dataId, dtype: t.dtype, shape: [t.shape[0], 1, ...t.shape.slice(1)] });
      const dw = conv3d.kernelFunc({
        inputs: { x: depth1(x), dy: depth1(dy) }, backend,
        attrs: { strides: [1, sh, sw], pad, filterShape: [1, ...filterShape] },
      });
      return { dataId: dw.dataId, dtype: dw.dtype, shape: filterShape };
    },
  });
}

function tfjsStep(tf) {
  registerWasmConv2dFilterGrad(tf);
  return (p) => {
    const { batch, size, classes, lr } = LENET;
    const w = tfjsWeights(p.params);
    const variable = (values, shape) => {
      const initial = tf.tensor(values, shape);
      const v = tf.variable(initial);
      initial.dispose();
      return v;
    };
    const x = tf.tensor4d(p.x, [batch, size, size, 1]);  // one channel: NCHW and NHWC hold the same order
    const labels = tf.tidy(() => tf.oneHot(tf.tensor1d(p.targets, 'int32'), classes));
    const params = [
      variable(w.c1w, [5, 5, 1, 6]), variable(p.params['conv1.bias'], [6]),
      variable(w.c2w, [5, 5, 6, 16]), variable(p.params['conv2.bias'], [16]),
      variable(w.f1w, [256, 120]), variable(p.params['fc1.bias'], [120]),
      variable(w.f2w, [120, 84]), variable(p.params['fc2.bias'], [84]),
      variable(w.f3w, [84, 10]), variable(p.params['fc3.bias'], [10]),
    ];
    const [c1w, c1b, c2w, c2b, f1w, f1b, f2w, f2b, f3w, f3b] = params;
    const sgd = tf.train.sgd(lr);
    const loss = () => {
      let h = tf.maxPool(tf.relu(tf.add(tf.conv2d(x, c1w, 1, 'valid'), c1b)), 2, 2, 'valid');
      h = tf.maxPool(tf.relu(tf.add(tf.conv2d(h, c2w, 1, 'valid'), c2b)), 2, 2, 'valid');
      h = tf.reshape(h, [batch, 256]);
      h = tf.relu(tf.add(tf.matMul(h, f1w), f1b));
      h = tf.relu(tf.add(tf.matMul(h, f2w), f2b));
      return tf.losses.softmaxCrossEntropy(labels, tf.add(tf.matMul(h, f3w), f3b));
    };
    return {
      run() {
        const cost = sgd.minimize(loss, true, params);
        const value = cost.dataSync()[0];
        cost.dispose();
        return value;
      },
      dispose: () => { tf.dispose([x, labels, ...params]); sgd.dispose(); },
    };
  };
}

/** The step of each library that loads (the sides refs/gradlab.mjs and refs/tfjs.mjs opened); jax-js has none. */
export async function lenetSteps() {
  const steps = {};
  try {
    const { torch } = await import('gradlab');
    steps.gradlab = gradlabStep(torch);
  } catch { /* not built: refs/gradlab.mjs has reported it */ }
  try {
    const tf = await import('@tensorflow/tfjs-core');
    // tfjs-cpu is left out: its JS convolution gradients take ~10 s per step here (a quick run, 2026-11-30).
    steps['tfjs-wasm'] = tfjsStep(tf);
  } catch { /* refs/tfjs.mjs has reported it */ }
  return steps;
}
